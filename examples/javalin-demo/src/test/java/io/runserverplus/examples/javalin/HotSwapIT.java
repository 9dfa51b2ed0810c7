package io.runserverplus.examples.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * {@code --hotswap} under the supervisor with real JVMs: a class file that changes method bodies
 * only (a lambda's included), written as an IDE writes it, is redefined in the running app, whose
 * state (a static counter) stays; the traceback page still shows the frame's variables; a page
 * open with {@code --live-reload} is told to refresh; a change that adds a field or a lambda
 * restarts the app, with a line saying why.
 */
class HotSwapIT extends SupervisedDemoTest {

    /** An app with state: the counter counts requests for as long as the app's JVM lives. */
    private static final String APP = """
            package hotswap;

            import io.javalin.config.JavalinConfig;
            import io.runserverplus.adapter.javalin.JavalinApp;
            import io.runserverplus.core.RunServerPlus;

            public final class CounterApp {
                static int count;
                // FIELD

                public static void main(String[] args) {
                    RunServerPlus.builder().app(JavalinApp.of(CounterApp::routes)).args(args).start();
                }

                static void routes(JavalinConfig config) {
                    config.routes.get("/", ctx -> ctx.result(greeting() + " " + (++count)));
                    config.routes.get("/boom", ctx -> fail("before"));
                }

                static String greeting() {
                    return "v1";
                }

                static void fail(String reason) {
                    String label = "label-" + reason;
                    throw new IllegalStateException(label);
                }
            }
            """;

    @Test
    void aBodyChangeIsSwappedIntoTheRunningAppAndANewFieldRestartsIt() throws Exception {
        Path classes = Files.createDirectories(temp.resolve("classes"));
        String jars = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
        compile(classes, jars, APP);
        String url = start(classes, jars);
        awaitBody(url, "v1 1");
        assertThat(get(url)).contains("v1 2");
        assertThat(liveReloadEvents(url)).as("the live-reload stream before any change").contains("event: static\ndata: 0\n");

        // A method's body and a lambda's body change: nothing is added or removed.
        compile(classes, jars, APP.replace("\"v1\"", "\"v2\"").replace("\" \" + (++count)", "\" #\" + (++count)")
                .replace("\"label-\"", "\"swapped-\""));
        awaitConsole(" * Hot-swapped 1 class (method bodies only)");
        assertThat(get(url)).as("the new bodies, the same JVM: the counter goes on").isEqualTo("v2 #3");
        assertThat(liveReloadEvents(url)).as("what makes an open page refresh after the swap, as after a static file's change")
                .contains("event: static\ndata: 1\n");
        String page = client.send(HttpRequest.newBuilder(URI.create(url + "boom")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).as("the swapped method's variables are captured as before")
                .contains("<td class=\"var-name\">label</td>", "swapped-before", "<td class=\"var-name\">reason</td>");
        assertThat(console()).doesNotContain("reloading");

        compile(classes, jars, APP.replace("// FIELD", "static int added;").replace("\"v1\"", "\"v3\""));
        awaitConsole(" * Detected change in '" + classes.resolve("hotswap/CounterApp.class")
                + "', reloading (no hot swap: a field was added or removed, or its type changed)");
        assertThat(awaitBody(url, "v3")).as("a new JVM: the counter starts again").isEqualTo("v3 1");

        // A new lambda is a new (synthetic) method of the class: not a body change.
        compile(classes, jars, APP.replace("// FIELD", "static int added;").replace("\"v1\"", "\"v4\"")
                .replace("config.routes.get(\"/boom\"", "config.routes.get(\"/more\", ctx -> ctx.result(\"more\"));\n"
                        + "        config.routes.get(\"/boom\""));
        awaitConsole("reloading (no hot swap: a method was added or removed, or its signature changed (a new lambda adds"
                + " a method too))");
        assertThat(awaitBody(url, "v4")).isEqualTo("v4 1");
    }

    private String start(Path classes, String jars) throws Exception {
        int port = DemoFiles.freePort();
        supervisor = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + jars, "hotswap.CounterApp", "127.0.0.1:" + port, "--hotswap",
                "--nopin", "--live-reload")
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("console.txt").toFile())
                .start();
        return "http://127.0.0.1:" + port + "/";
    }

    /** As an IDE that builds on save: javac writes the class file into the watched directory. */
    private void compile(Path classes, String jars, String source) throws IOException {
        Path sourceDir = Files.createDirectories(temp.resolve("src-" + System.nanoTime()).resolve("hotswap"));
        Path file = Files.writeString(sourceDir.resolve("CounterApp.java"), source);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "-d", classes.toString(),
                "-cp", classes + File.pathSeparator + jars, file.toString());
        assertThat(status).as("javac").isZero();
    }

    /** What the live-reload script of an open page reads from the app (its event stream, as text). */
    private String liveReloadEvents(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url + "__debugger__/reloads")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String console() throws IOException {
        return Files.readString(temp.resolve("console.txt"));
    }

    private void awaitConsole(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (console().contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("'" + text + "' not printed within 60 s:\n" + console());
    }

    private String get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private String awaitBody(String url, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "";
        while (System.nanoTime() < deadline) {
            Optional<String> body;
            try {
                body = Optional.of(get(url));
            } catch (IOException notYet) {
                body = Optional.empty();
            }
            if (body.isPresent() && body.get().contains(text)) {
                return body.get();
            }
            last = body.orElse(last);
            Thread.sleep(100);
        }
        throw new AssertionError("no response containing '" + text + "' within 60 s; last was: " + last
                + "\nconsole:\n" + console());
    }
}
