package io.runserverplus.adapter.javalin;

import io.runserverplus.core.server.RequestLog;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * Feeds Jetty's view of each finished exchange (status and bytes actually sent, which Javalin's
 * own request logger does not know) to the development server's request log.
 */
final class JettyRequestLog implements org.eclipse.jetty.server.RequestLog {

    private final RequestLog requestLog;

    JettyRequestLog(RequestLog requestLog) {
        this.requestLog = requestLog;
    }

    @Override
    public void log(Request request, Response response) {
        requestLog.log(Request.getRemoteAddr(request), request.getMethod(), request.getHttpURI().getPathQuery(),
                request.getConnectionMetaData().getProtocol(), response.getStatus(),
                Response.getContentBytesWritten(response));
    }
}
