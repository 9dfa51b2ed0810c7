package io.runserverplus.adapter.helidon;

import io.helidon.common.Weighted;
import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.runserverplus.spi.Debugger;
import io.runserverplus.spi.RequestLogSink;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The request log and the debugger's own paths ({@code /__debugger__/} and the console page), set
 * up before every other part of the routing: Helidon sorts features by weight and runs their
 * filters in that order, and the app's own filters and routes form a feature of the default weight,
 * as do security, CORS and the observers. So the app's access checks never answer the debugger's
 * requests (an unstyled page, a console that asks for the app's login), and its requests are
 * logged whoever answers them.
 */
final class DebuggerFeature implements HttpFeature, Weighted {

    /** Above Helidon's own features (context 1100, security 800, observers 80; the routing's 100). */
    private static final double FIRST = 10_000;

    private final Debugger debugger;
    private final RequestLogSink requestLog;

    DebuggerFeature(Debugger debugger, RequestLogSink requestLog) {
        this.debugger = debugger;
        this.requestLog = requestLog;
    }

    @Override
    public void setup(HttpRouting.Builder routing) {
        routing.addFilter(new RequestLogFilter(requestLog));
        routing.addFilter(new DebuggerPaths(debugger, debugger.consolePath().orElse(null)));
    }

    @Override
    public double weight() {
        return FIRST;
    }

    /**
     * Answers the debugger's paths and lets everything else through; it sees every request, so it
     * only compares strings ({@code consolePath} is null when the console page is off).
     */
    private record DebuggerPaths(Debugger debugger, String consolePath) implements Filter {

        @Override
        public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
            String path = request.path().path();
            try {
                if (Debugger.isDebuggerPath(path)) {
                    HelidonExchange.respond(response, debugger.handleCommand(HelidonExchange.command(request)));
                } else if (path.equals(consolePath) && Method.GET.equals(request.prologue().method())) {
                    HelidonExchange.respond(response, debugger.handleConsolePage(HelidonExchange.command(request)));
                } else {
                    if (debugger.liveReload()) {
                        response.streamFilter(out -> new LiveReloadStream(out, request, response));
                    }
                    chain.proceed();
                }
            } catch (IOException unreadable) {
                // The client went away while sending the form: Helidon answers it as a bad request.
                throw new UncheckedIOException(unreadable);
            }
        }
    }
}
