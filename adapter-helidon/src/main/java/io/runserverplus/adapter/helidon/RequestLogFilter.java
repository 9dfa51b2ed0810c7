package io.runserverplus.adapter.helidon;

import io.helidon.common.socket.PeerInfo;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.runserverplus.spi.RequestLogSink;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Reports each response, once sent, to the development server's request log. */
final class RequestLogFilter implements Filter {

    private final RequestLogSink requestLog;
    /** The last client's address and its text (a development server mostly sees one client). */
    private volatile Client lastClient = new Client(null, "");

    RequestLogFilter(RequestLogSink requestLog) {
        this.requestLog = requestLog;
    }

    private record Client(InetAddress address, String text) {
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        HttpPrologue prologue = request.prologue(); // as received, before any reroute
        try {
            chain.proceed();
        } finally {
            // Routes and their error handlers have run when proceed() returns, so the response is
            // usually sent: logging it here saves a callback per request, which Helidon's throughput
            // noticed. A failure from a later filter is still on its way to the error handlers, and
            // a streamed body may still be open: those are logged once sent.
            if (response.isSent()) {
                log(prologue, request, response);
            } else {
                response.whenSent(() -> log(prologue, request, response));
            }
        }
    }

    private void log(HttpPrologue prologue, RoutingRequest request, RoutingResponse response) {
        String path = prologue.uriPath().rawPath();
        // query() rather than hasQuery(), which Helidon 4.2 and older lack.
        String query = prologue.query().rawValue();
        String target = query.isEmpty() ? path : path + "?" + query;
        // bytesWritten() counts the status line and headers too; the log wants the body's size,
        // which is known when the response declares it and unknown ("-") when it was streamed.
        requestLog.log(remoteAddress(request.remotePeer()), prologue.method().text(), target,
                prologue.rawProtocol(), response.status().code(), response.headers().contentLength().orElse(-1));
    }

    /**
     * The client's address as text. Helidon formats it anew for each call (a new string from the
     * address's bytes), which showed in profiles at 160 000 requests a second; the address object
     * it comes from is the connection's, so the text is kept for the last address seen.
     */
    private String remoteAddress(PeerInfo peer) {
        if (peer.address() instanceof InetSocketAddress socket && socket.getAddress() != null) {
            Client last = lastClient;
            if (socket.getAddress().equals(last.address())) {
                return last.text();
            }
            String text = peer.host();
            lastClient = new Client(socket.getAddress(), text);
            return text;
        }
        return peer.host();
    }
}
