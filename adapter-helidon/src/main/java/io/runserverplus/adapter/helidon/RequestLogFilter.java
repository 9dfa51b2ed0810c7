package io.runserverplus.adapter.helidon;

import io.helidon.http.HttpPrologue;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.runserverplus.core.server.RequestLog;

/** Reports each response, once sent, to the development server's request log. */
final class RequestLogFilter implements Filter {

    private final RequestLog requestLog;

    RequestLogFilter(RequestLog requestLog) {
        this.requestLog = requestLog;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        HttpPrologue prologue = request.prologue();
        String target = prologue.uriPath().rawPath() + (prologue.hasQuery() ? "?" + prologue.query().rawValue() : "");
        // bytesWritten() counts the status line and headers too; the log wants the body's size,
        // which is known when the response declares it and unknown ("-") when it was streamed.
        response.whenSent(() -> requestLog.log(request.remotePeer().host(), prologue.method().text(), target,
                prologue.rawProtocol(), response.status().code(), response.headers().contentLength().orElse(-1)));
        chain.proceed();
    }
}
