package io.runserverplus.reloader;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The app the supervisor tests run as a child: {@code TestApp <dir> <port>}. What it does is read
 * from {@code <dir>/mode}: {@code serve} answers "hello from PID" on the port (and exits with
 * status 0 on {@code /exit}) and writes its pid to {@code <dir>/pid}; {@code fail} prints an error,
 * a debugger PIN line as core prints it, the PIN again in another line and the value of
 * {@code TEST_SECRET} from its environment, and exits 1; {@code restart-once} exits 3 the first
 * time, then serves; {@code serve-then-exit} says it serves and exits 1 at once. Each start
 * appends a line to {@code <dir>/starts}. Serving, it says so with {@link Supervisor#markServing()}. A graceful stop leaves
 * {@code <dir>/stopped-PID}.
 */
public final class TestApp {

    /** A PIN line as core's debugger prints it, which the failure page must never show. */
    static final String PIN = "314-159-265";

    private TestApp() {
    }

    public static void main(String[] args) throws IOException {
        ParentWatch.install();
        Path dir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        long pid = ProcessHandle.current().pid();
        String mode = Files.readString(dir.resolve("mode")).strip();
        Files.writeString(dir.resolve("starts"), pid + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (mode.equals("fail")) {
            System.out.println("starting in fail mode");
            System.out.println(" * Debugger PIN: " + PIN);
            System.out.println("the PIN once more: " + PIN.replace("-", "") + ", and the secret: "
                    + System.getenv("TEST_SECRET"));
            System.err.println("boom: the configuration is <broken> & unreadable");
            System.exit(1);
        }
        if (mode.equals("restart-once") && !Files.exists(dir.resolve("restarted"))) {
            Files.writeString(dir.resolve("restarted"), Long.toString(pid));
            System.exit(Supervisor.RESTART_EXIT_CODE);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.writeString(dir.resolve("stopped-" + pid), "bye");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        byte[] body = ("hello from " + pid).getBytes(StandardCharsets.UTF_8);
        server.createContext("/exit", exchange -> System.exit(0));
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        Supervisor.markServing();
        if (mode.equals("serve-then-exit")) {
            System.out.println("served, and now gone");
            System.exit(1);
        }
        Path tmp = dir.resolve("pid.tmp");
        Files.writeString(tmp, Long.toString(pid));
        Files.move(tmp, dir.resolve("pid"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("serving on " + port + " as " + pid);
    }
}
