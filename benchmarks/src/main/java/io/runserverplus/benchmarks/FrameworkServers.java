package io.runserverplus.benchmarks;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.runserverplus.adapter.helidon.HelidonApp;
import io.runserverplus.adapter.jetty.JettyApp;
import io.runserverplus.core.RunServerPlus;
import io.runserverplus.core.RunningServer;
import io.runserverplus.core.requestlog.RequestLog;
import io.runserverplus.core.terminal.Terminal;
import java.io.OutputStream;
import java.io.PrintStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The same one-route app on Helidon SE 4 and on Jetty 12, bare and under RunServerPlus, for the
 * throughput and start-up comparisons of the other two adapters (Javalin's lives in
 * {@link ServerChild}).
 */
final class FrameworkServers {
    private FrameworkServers() {
    }

    /** A started server: its port and how to stop it. */
    record Started(int port, Runnable stop) {
    }

    /** Helidon's diagnostic variants ({@code --explain}): bare Helidon plus one piece of the adapter at a time. */
    static final java.util.List<String> HELIDON_EXPLAIN_VARIANTS = java.util.List.of("bare", "rsp", "bare+filter",
            "bare+whensent", "bare+routes", "bare+requestlog", "rsp+nolog");

    static Started start(String framework, boolean underRunServerPlus, int port, String body) throws Exception {
        return start(framework, underRunServerPlus ? "rsp" : "bare", port, body);
    }

    /**
     * @param variant {@code bare}, {@code rsp}, or (Helidon) one of {@link #HELIDON_EXPLAIN_VARIANTS}
     */
    static Started start(String framework, String variant, int port, String body) throws Exception {
        Terminal nullTerminal = new Terminal(new PrintStream(OutputStream.nullOutputStream()), false);
        if (variant.startsWith("rsp")) {
            RunServerPlus.Builder builder = RunServerPlus.builder()
                    .app("helidon".equals(framework) ? helidonApp(body) : JettyApp.of(jettyHandler(body)))
                    .addrPort("127.0.0.1:" + port)
                    .useReloader(false)
                    .terminal(nullTerminal);
            applyRspVariant(builder, variant, nullTerminal);
            RunningServer server = builder.start();
            return new Started(server.port(), server::stop);
        }
        if ("helidon".equals(framework)) {
            WebServer server = WebServer.builder().host("127.0.0.1").port(port)
                    .routing(routing -> {
                        helidonExtra(variant, routing, nullTerminal);
                        routing.get("/", (request, response) -> response.send(body));
                    })
                    .build().start();
            return new Started(server.port(), server::stop);
        }
        if (!"bare".equals(variant)) {
            throw new IllegalArgumentException("unknown variant " + variant + " for " + framework);
        }
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(jettyHandler(body));
        server.start();
        return new Started(connector.getLocalPort(), () -> {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the benchmark is ending anyway
            }
        });
    }

    /** What a RunServerPlus variant changes: {@code rsp} nothing, {@code rsp+nolog} no request log at all. */
    static void applyRspVariant(RunServerPlus.Builder builder, String variant, Terminal terminal) {
        switch (variant) {
            case "rsp" -> { }
            // No request log at all: the adapter's cost without it.
            case "rsp+nolog" -> builder.modules(binder -> binder.bind(RequestLog.class).toInstance(
                    new RequestLog(terminal) {
                        @Override
                        public void log(String remoteAddress, String method, String target, String protocol,
                                        int status, long bytes) {
                            // dropped
                        }
                    }));
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        }
    }

    /** What a diagnostic variant adds to bare Helidon's routing, before the app's route. */
    private static void helidonExtra(String variant, HttpRouting.Builder routing, Terminal nullTerminal) {
        switch (variant) {
            case "bare" -> { }
            // An empty filter: what Helidon's filter chain costs.
            case "bare+filter" -> routing.addFilter((chain, request, response) -> chain.proceed());
            // A filter registering an (empty) whenSent callback, as the adapter's filter does.
            case "bare+whensent" -> routing.addFilter((chain, request, response) -> {
                response.whenSent(() -> { });
                chain.proceed();
            });
            // The adapter's debugger routes and error handler (never hit here).
            case "bare+routes" -> {
                routing.any("/__debugger__/*", (request, response) -> response.send("command"));
                routing.error(Throwable.class, (request, response, failure) -> response.status(500).send());
            }
            // What the adapter's filter does: feed core's RequestLog (null terminal) once the response is sent.
            case "bare+requestlog" -> {
                RequestLog log = new RequestLog(nullTerminal);
                routing.addFilter((chain, request, response) -> {
                    var prologue = request.prologue();
                    String target = prologue.uriPath().rawPath()
                            + (prologue.hasQuery() ? "?" + prologue.query().rawValue() : "");
                    response.whenSent(() -> log.log(request.remotePeer().host(), prologue.method().text(), target,
                            prologue.rawProtocol(), response.status().code(),
                            response.headers().contentLength().orElse(-1)));
                    chain.proceed();
                });
            }
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        }
    }

    private static HelidonApp helidonApp(String body) {
        return HelidonApp.of(routing -> routing.get("/", (request, response) -> response.send(body)));
    }

    private static Handler jettyHandler(String body) {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
                Content.Sink.write(response, true, body, callback);
                return true;
            }
        };
    }
}
