package io.runserverplus.spi;

/** Where an adapter reports each finished request, for the development server's request log. */
@FunctionalInterface
public interface RequestLogSink {

    /**
     * Records a finished request; never blocks the caller.
     *
     * @param remoteAddress the client's address
     * @param method        the HTTP method
     * @param target        the path with its query, as received
     * @param protocol      e.g. {@code HTTP/1.1}
     * @param status        the response status
     * @param bytes         the response body's size, or a negative number when unknown
     */
    void log(String remoteAddress, String method, String target, String protocol, int status, long bytes);
}
