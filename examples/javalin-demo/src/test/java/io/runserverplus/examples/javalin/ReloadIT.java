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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The demo under the supervisor, as ./run-demo starts it: a recompiled class is served after the
 * reload; a change that breaks start-up shows the failure on the port and the next fix recovers.
 */
class ReloadIT extends SupervisedDemoTest {

    private static final Path DEMO_SOURCE = Path.of("src/main/java/io/runserverplus/examples/javalin/JavalinDemo.java");

    @Test
    void aRecompiledClassIsServedAndABrokenStartShowsItsFailureUntilTheFix() throws Exception {
        Path classes = temp.resolve("classes");
        String jars = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
        String url = startDemo(classes, jars);
        awaitBody(url, "Hello from the Javalin demo");
        String cookie = pinCookie(url);

        compile(classes, jars, demoSource().replace("Hello from the Javalin demo", "Hello after a reload"));
        awaitBody(url, "Hello after a reload");
        assertThat(authenticated(url, cookie)).as("the PIN is remembered across a reload").isTrue();
        assertThat(Pattern.compile(" \\* Debugger PIN: ([0-9-]+)").matcher(Files.readString(temp.resolve("console.txt")))
                .results().map(match -> match.group(1)).distinct().toList())
                .as("one PIN, however often the app restarts").hasSize(1);

        compile(classes, jars, demoSource().replace("        start(args);",
                "        if (args.length > 0) {\n            throw new IllegalStateException(\"broken on purpose\");\n        }\n        start(args);"));
        String failure = awaitBody(url, "broken on purpose");
        assertThat(failure).contains("IllegalStateException");

        compile(classes, jars, demoSource().replace("Hello from the Javalin demo", "Hello after the fix"));
        awaitBody(url, "Hello after the fix");
        assertThat(Files.readString(temp.resolve("console.txt"))).contains(" * Detected change in '", "', reloading");
    }

    @Test
    void aChangedStaticFileIsServedAsItIsNowWithoutARestart() throws Exception {
        Path classes = temp.resolve("classes");
        String jars = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
        String url = startDemo(classes, jars);
        awaitBody(url + "hello.html", "A static page of the Javalin demo");

        Files.writeString(classes.resolve("public/hello.html"), "<p>Edited while the app runs</p>");

        awaitBody(url + "hello.html", "Edited while the app runs");
        String console = awaitConsole("without a restart");
        assertThat(console).contains(" * Detected change in '" + classes.resolve("public/hello.html")
                + "', served as it is now, without a restart").doesNotContain("reloading");
        // Every app JVM prints the PIN when it serves: one line, one app JVM, its state kept.
        assertThat(console.split(" \\* Debugger PIN: ", -1)).as("no second app JVM").hasSize(2);

        Files.writeString(classes.resolve("touched.txt"), "not a static location");
        awaitConsole("reloading");
    }

    /** Waits until the supervisor's output contains the text; returns all of it. */
    private String awaitConsole(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (System.nanoTime() < deadline) {
            String console = Files.readString(temp.resolve("console.txt"));
            if (console.contains(text)) {
                return console;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("'" + text + "' not printed within 40 s:\n" + Files.readString(temp.resolve("console.txt")));
    }

    /** Starts the demo under the supervisor over a copy of its classes, as ./run-demo does; returns its URL. */
    private String startDemo(Path classes, String jars) throws Exception {
        DemoFiles.copyTree(Path.of("target", "classes"), classes);
        int port = DemoFiles.freePort();
        supervisor = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + jars, JavalinDemo.class.getName(), "127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("console.txt").toFile())
                .start();
        return "http://127.0.0.1:" + port + "/";
    }

    /** Enters the PIN the server printed; returns the cookie that remembers it. */
    private String pinCookie(String url) throws Exception {
        Matcher pin = Pattern.compile(" \\* Debugger PIN: ([0-9-]+)").matcher(Files.readString(temp.resolve("console.txt")));
        assertThat(pin.find()).as("the PIN is printed").isTrue();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url + "__debugger__/pinauth"))
                .header("X-Debugger-Secret", secret(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("pin=" + pin.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).contains("\"auth\": true");
        String setCookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private boolean authenticated(String url, String cookie) throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url + "__debugger__/auth"))
                .header("X-Debugger-Secret", secret(url)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.body().replace(" ", "").contains("\"auth\":true");
    }

    /** The per-start secret, from a traceback page of the server as it runs now. */
    private String secret(String url) throws Exception {
        String page = client.send(HttpRequest.newBuilder(URI.create(url + "boom")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher secret = Pattern.compile("data-secret=\"([^\"]+)\"").matcher(page);
        assertThat(secret.find()).isTrue();
        return secret.group(1);
    }

    private static String demoSource() throws IOException {
        return Files.readString(DEMO_SOURCE);
    }

    private void compile(Path classes, String jars, String source) throws IOException {
        Path sourceDir = Files.createDirectories(temp.resolve("src-" + System.nanoTime()).resolve("io/runserverplus/examples/javalin"));
        Path file = Files.writeString(sourceDir.resolve("JavalinDemo.java"), source);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", classes + File.pathSeparator + jars, file.toString());
        assertThat(status).as("javac").isZero();
    }

    /** Polls until a response body contains the text; returns that body. */
    private String awaitBody(String url, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        String last = "";
        while (System.nanoTime() < deadline) {
            Optional<String> body = tryGet(url);
            if (body.isPresent() && body.get().contains(text)) {
                return body.get();
            }
            last = body.orElse(last);
            Thread.sleep(100);
        }
        throw new AssertionError("no response containing '" + text + "' within 40 s; last was: " + last
                + "\nconsole:\n" + Files.readString(temp.resolve("console.txt")));
    }

    private Optional<String> tryGet(String url) {
        try {
            return Optional.of(client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException | InterruptedException notYet) {
            return Optional.empty();
        }
    }


}
