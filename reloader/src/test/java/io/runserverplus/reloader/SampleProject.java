package io.runserverplus.reloader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * A Maven-layout project on disk, built as its build would (javac into {@code target/classes}):
 * {@code app.Main <port> <dir>} answers {@code Greeting.text() + Greeting.SUFFIX + " from PID"} and
 * writes its pid to {@code <dir>/pid} once it serves. {@code SUFFIX} is a constant, so javac
 * copies it into {@code Main}: only a compile of {@code Main} too shows a new one.
 */
final class SampleProject {

    static final String MAIN = """
            package app;

            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;
            import java.nio.charset.StandardCharsets;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.nio.file.StandardCopyOption;

            public final class Main {
                public static void main(String[] args) throws Exception {
                    long pid = ProcessHandle.current().pid();
                    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 16);
                    server.createContext("/", exchange -> {
                        byte[] body = (Greeting.text() + Greeting.SUFFIX + " from " + pid).getBytes(StandardCharsets.UTF_8);
                        try (exchange) {
                            exchange.sendResponseHeaders(200, body.length);
                            exchange.getResponseBody().write(body);
                        }
                    });
                    server.start();
                    Path tmp = Path.of(args[1], "pid.tmp");
                    Files.writeString(tmp, Long.toString(pid));
                    Files.move(tmp, Path.of(args[1], "pid"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            """;

    static String greeting(String text, String suffix) {
        return """
                package app;

                public final class Greeting {
                    public static final String SUFFIX = "%s";

                    public static String text() {
                        return "%s";
                    }
                }
                """.formatted(suffix, text);
    }

    final Path root;
    final Path sources;
    final Path classes;

    SampleProject(Path root) throws IOException {
        this.root = root;
        this.sources = Files.createDirectories(root.resolve("src/main/java/app")).getParent();
        this.classes = Files.createDirectories(root.resolve("target/classes"));
        Files.writeString(sources.resolve("app/Main.java"), MAIN);
        Files.writeString(sources.resolve("app/Greeting.java"), greeting("hello", "!"));
        build();
    }

    Path source(String name) {
        return sources.resolve("app/" + name + ".java");
    }

    Path classFile(String name) {
        return classes.resolve("app/" + name + ".class");
    }

    /** As the build (or an IDE) compiles: every source, with the options the supervisor uses. */
    void build() throws IOException {
        List<String> args = new ArrayList<>(List.of("-g", "-parameters", "--release", "21", "-d", classes.toString()));
        try (Stream<Path> walk = Files.walk(sources)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("The sample project does not compile");
        }
    }
}
