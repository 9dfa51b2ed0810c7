package io.runserverplus.benchmarks;

import io.helidon.webserver.WebServer;
import io.runserverplus.adapter.helidon.HelidonApp;
import io.runserverplus.adapter.jetty.JettyApp;
import io.runserverplus.core.RunServerPlus;
import io.runserverplus.core.RunningServer;
import io.runserverplus.core.server.Terminal;
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
 * {@link ThroughputBenchmark}).
 */
final class FrameworkServers {
    private FrameworkServers() {
    }

    /** A started server: its port and how to stop it. */
    record Started(int port, Runnable stop) {
    }

    static Started start(String framework, boolean underRunServerPlus, int port, String body) throws Exception {
        if (underRunServerPlus) {
            RunningServer server = RunServerPlus.builder()
                    .app("helidon".equals(framework) ? helidonApp(body) : JettyApp.of(jettyHandler(body)))
                    .addrPort("127.0.0.1:" + port)
                    .useReloader(false)
                    .terminal(new Terminal(new PrintStream(OutputStream.nullOutputStream()), false))
                    .start();
            return new Started(server.port(), server::stop);
        }
        if ("helidon".equals(framework)) {
            WebServer server = WebServer.builder().host("127.0.0.1").port(port)
                    .routing(routing -> routing.get("/", (request, response) -> response.send(body)))
                    .build().start();
            return new Started(server.port(), server::stop);
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
