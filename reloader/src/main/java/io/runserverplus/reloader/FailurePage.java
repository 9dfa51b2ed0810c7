package io.runserverplus.reloader;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Answers every request on the app's port while the app cannot start, so the browser shows why
 * instead of "connection refused". Plain text on purpose: the child's output needs no escaping
 * then, and this module stays free of an HTML encoder dependency.
 */
final class FailurePage implements AutoCloseable {

    private final HttpServer server;

    private FailurePage(HttpServer server) {
        this.server = server;
    }

    /** Binds, retrying briefly while a dying child still holds the port. */
    static FailurePage open(InetSocketAddress address, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        IOException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                HttpServer server = HttpServer.create(address, 16);
                server.createContext("/", exchange -> {
                    try (exchange; OutputStream out = exchange.getResponseBody()) {
                        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                        exchange.getResponseHeaders().set("Cache-Control", "no-store");
                        exchange.getResponseHeaders().set("Retry-After", "1");
                        boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
                        exchange.sendResponseHeaders(503, head ? -1 : body.length);
                        if (!head) {
                            out.write(body);
                        }
                    }
                });
                server.start();
                return new FailurePage(server);
            } catch (IOException e) {
                last = e;
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw last == null ? new IOException("interrupted") : last;
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
