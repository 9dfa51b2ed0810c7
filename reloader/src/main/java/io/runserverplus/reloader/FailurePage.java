package io.runserverplus.reloader;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

/**
 * Answers every request on the app's port while the app is down, so the browser shows why
 * instead of "connection refused". Plain text on purpose: the child's output needs no escaping
 * then, and this module stays free of an HTML encoder dependency.
 *
 * <p>Why the app is down (its last output) is shown only to requests whose {@code Host} header
 * the debugger trusts too: a page on another site that points its name at this machine (DNS
 * rebinding), or another machine when the app listens on the network, gets a bare 503.
 */
final class FailurePage implements AutoCloseable {

    /** All an untrusted request learns. */
    static final String BARE = "The app is not running.\n";

    private final HttpServer server;

    private FailurePage(HttpServer server) {
        this.server = server;
    }

    /**
     * Binds, retrying briefly while a dying child still holds the port.
     *
     * @param trustedHost whether a {@code Host} header may see {@code text}
     */
    static FailurePage open(InetSocketAddress address, String text, Predicate<String> trustedHost) throws IOException {
        byte[] detailed = text.getBytes(StandardCharsets.UTF_8);
        byte[] bare = BARE.getBytes(StandardCharsets.UTF_8);
        IOException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                HttpServer server = HttpServer.create(address, 16);
                server.createContext("/", exchange -> {
                    try (exchange; OutputStream out = exchange.getResponseBody()) {
                        byte[] body = trusted(exchange, trustedHost) ? detailed : bare;
                        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
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

    /** Exactly one Host header, and a trusted one: two could be read differently by two parsers. */
    private static boolean trusted(HttpExchange exchange, Predicate<String> trustedHost) {
        List<String> hosts = exchange.getRequestHeaders().get("Host");
        return hosts != null && hosts.size() == 1 && trustedHost.test(hosts.getFirst());
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
