package io.runserverplus.benchmarks;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.runserverplus.adapter.javalin.JavalinApp;
import io.runserverplus.core.RunServerPlus;
import io.runserverplus.core.RunningServer;
import io.runserverplus.core.requestlog.RequestLog;
import io.runserverplus.core.terminal.Terminal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The server side of the throughput and start-up benchmarks, in a child JVM of its own
 * ({@code ThroughputBenchmark serve <variant>}): starts one variant of the framework in
 * {@code -Drsp.bench.framework} (Javalin's here, the others' in {@link FrameworkServers}), prints its
 * port, and serves until the driver closes its standard input.
 */
final class ServerChild {

    private ServerChild() {
    }

    /** The route both servers serve. */
    private static void routes(JavalinConfig config) {
        config.routes.get("/", ctx -> ctx.result(ThroughputBenchmark.BODY));
    }

    /** Starts one variant, prints its port, and serves until standard input closes. */
    static void serve(String variant) throws Exception {
        Terminal nullTerminal = new Terminal(new PrintStream(OutputStream.nullOutputStream()), false);
        Runnable stop;
        int port;
        String framework = System.getProperty("rsp.bench.framework", "javalin");
        int fixedPort = Integer.getInteger("rsp.bench.port", 0);
        // For the start-up benchmark: the moment start() is called, before anything of the server exists.
        System.out.println("T0 " + System.currentTimeMillis());
        if (!"javalin".equals(framework)) {
            FrameworkServers.Started started = FrameworkServers.start(framework, variant, fixedPort,
                    ThroughputBenchmark.BODY);
            port = started.port();
            stop = started.stop();
        } else if (variant.startsWith("rsp")) {
            RunServerPlus.Builder builder = RunServerPlus.builder()
                    .app(JavalinApp.of(ServerChild::routes))
                    .addrPort("127.0.0.1:" + fixedPort)
                    .useReloader(false)
                    .terminal(nullTerminal);
            FrameworkServers.applyRspVariant(builder, variant, nullTerminal);
            RunningServer server = builder.start();
            port = server.port();
            stop = server::stop;
        } else {
            Consumer<JavalinConfig> extra = bareJavalinExtra(variant, nullTerminal);
            Javalin javalin = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                extra.accept(config);
                routes(config);
            }).start("127.0.0.1", fixedPort);
            port = javalin.port();
            stop = javalin::stop;
        }
        System.out.println("PORT " + port);
        System.out.flush();
        // Serve until the driver closes our standard input; answer its "cpu" questions meanwhile.
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ThreadCpu cpu = new ThreadCpu();
        for (String command; (command = commands.readLine()) != null; ) {
            if ("cpu".equals(command)) {
                System.out.println(cpu.sinceLastCall());
                System.out.flush();
            }
        }
        stop.run();
    }

    /** What a diagnostic variant adds to bare Javalin's configuration, before the app's route. */
    private static Consumer<JavalinConfig> bareJavalinExtra(String variant, Terminal nullTerminal) {
        return switch (variant) {
            case "bare" -> config -> { };
            // The adapter's handler wrapper (JavalinServerStarter), catching Errors.
            case "bare+wrapper" -> config -> config.router.handlerWrapper(endpoint -> ctx -> {
                try {
                    endpoint.handler.handle(ctx);
                } catch (Error error) {
                    ctx.status(500).result(error.toString());
                }
            });
            // The adapter's debugger routes and default exception handler (never hit here).
            case "bare+routes" -> config -> {
                config.routes.get("/__debugger__/<command>", ctx -> ctx.result("command"));
                config.routes.post("/__debugger__/<command>", ctx -> ctx.result("command"));
                config.routes.exception(Exception.class, (exception, ctx) -> ctx.status(500));
            };
            // A Jetty request log that does nothing: Jetty's own cost of having one.
            case "bare+jettylog" -> config -> config.jetty.modifyServer(server ->
                    server.setRequestLog((request, response) -> { }));
            // What the adapter's JettyRequestLog does: feed core's RequestLog (null terminal).
            case "bare+requestlog" -> config -> {
                RequestLog log = new RequestLog(nullTerminal);
                config.jetty.modifyServer(server -> server.setRequestLog((request, response) ->
                        log.log(org.eclipse.jetty.server.Request.getRemoteAddr(request), request.getMethod(),
                                request.getHttpURI().getPathQuery(),
                                request.getConnectionMetaData().getProtocol(), response.getStatus(),
                                org.eclipse.jetty.server.Response.getContentBytesWritten(response))));
            };
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        };
    }
}
