package io.runserverplus.jetty.support;

import io.runserverplus.spi.RequestLogSink;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * Feeds Jetty's view of each finished exchange (status and bytes actually sent) to the development
 * server's request log. The Javalin adapter uses it too: Javalin runs on Jetty, and its own request
 * logger does not know the bytes sent.
 */
public final class JettyRequestLog implements org.eclipse.jetty.server.RequestLog {

    private final RequestLogSink requestLog;

    public JettyRequestLog(RequestLogSink requestLog) {
        this.requestLog = requestLog;
    }

    /** The client's address as text, kept on its connection: formatting it per request showed in benchmarks. */
    private static final String REMOTE = JettyRequestLog.class.getName() + ".remote";

    @Override
    public void log(Request request, Response response) {
        var connection = request.getConnectionMetaData();
        Object remote = connection.getAttribute(REMOTE);
        if (!(remote instanceof String)) {
            remote = Request.getRemoteAddr(request);
            connection.setAttribute(REMOTE, remote);
        }
        requestLog.log((String) remote, request.getMethod(), request.getHttpURI().getPathQuery(),
                request.getConnectionMetaData().getProtocol(), response.getStatus(),
                Response.getContentBytesWritten(response));
    }
}
