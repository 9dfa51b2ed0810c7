package io.runserverplus.reloader;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * Answers every request on the app's port while the app is down (it crashed, or its sources do
 * not compile), so the browser shows why instead of "connection refused" (see {@link SupervisorPage}).
 *
 * <p>Why the app is down is shown only to requests whose {@code Host} header the debugger trusts
 * too: a page on another site that points its name at this machine (DNS rebinding), or another
 * machine when the app listens on the network, gets a bare 503.
 *
 * <p>A page in a browser keeps {@value SupervisorPage#RELOADS} open (an event stream naming this
 * page); the stream ends when the supervisor hands the port back to the app, and the page's
 * script reloads once the port answers with something else.
 */
final class FailurePage implements AutoCloseable {

    /** All an untrusted request learns. */
    static final String BARE = "The app is not running.\n";

    private final HttpServer server;
    private final ExecutorService handlers;
    private final CountDownLatch closed = new CountDownLatch(1);

    private FailurePage(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    /** The app's last output, as plain text for every client. */
    static FailurePage open(InetSocketAddress address, String text, Predicate<String> trustedHost) throws IOException {
        return open(address, new SupervisorPage.AppDown(text), trustedHost);
    }

    /**
     * Binds, retrying briefly while a dying child still holds the port.
     *
     * @param trustedHost whether a {@code Host} header may see {@code page}
     */
    static FailurePage open(InetSocketAddress address, SupervisorPage page, Predicate<String> trustedHost)
            throws IOException {
        byte[] bare = BARE.getBytes(StandardCharsets.UTF_8);
        // A token of this page: a page that reconnects to a stream with another token reloads.
        String token = Long.toHexString(System.nanoTime()) + "-" + Long.toHexString(ProcessHandle.current().pid());
        IOException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            // Handlers on threads of their own: an open event stream must not hold up other requests.
            ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
            try {
                HttpServer server = HttpServer.create(address, 16);
                server.setExecutor(handlers);
                var failurePage = new FailurePage(server, handlers);
                server.createContext("/", exchange -> {
                    try (exchange; OutputStream out = exchange.getResponseBody()) {
                        String path = exchange.getRequestURI().getPath();
                        boolean trusted = trusted(exchange, trustedHost);
                        if (path.equals(SupervisorPage.STYLE) || path.equals(SupervisorPage.SCRIPT)) {
                            failurePage.asset(exchange, path);
                        } else if (trusted && path.equals(SupervisorPage.RELOADS)) {
                            failurePage.stream(exchange, token);
                        } else if (trusted) {
                            SupervisorPage.Body body = page.render(exchange.getRequestHeaders().getFirst("Accept"));
                            if (body.contentType().startsWith("text/html")) {
                                exchange.getResponseHeaders().set("Content-Security-Policy", SupervisorPage.CSP);
                                exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
                            }
                            send(exchange, 503, body.contentType(), body.bytes());
                        } else {
                            send(exchange, 503, "text/plain; charset=utf-8", bare);
                        }
                    }
                });
                server.start();
                return failurePage;
            } catch (IOException e) {
                handlers.shutdown();
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

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (status == 503) {
            exchange.getResponseHeaders().set("Retry-After", "1");
        }
        boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            exchange.getResponseBody().write(body);
        }
    }

    private void asset(HttpExchange exchange, String path) throws IOException {
        String name = path.substring(SupervisorPage.ASSETS.length());
        try (InputStream in = FailurePage.class.getResourceAsStream("supervisor-page/" + name)) {
            if (in == null) {
                send(exchange, 404, "text/plain; charset=utf-8", new byte[0]);
                return;
            }
            send(exchange, 200, name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8",
                    in.readAllBytes());
        }
    }

    /** Names this page, then stays open until the page closes. */
    private void stream(HttpExchange exchange, String token) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        // retry: how soon the browser tries again once this page is gone and the app starts.
        out.write(("retry: 300\nevent: page\ndata: " + token + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        closed.countDown();
        server.stop(0);
        handlers.shutdown();
    }
}
