package io.runserverplus.reloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compile on change: a supervisor watching a real project's target/classes, real child JVMs, real javac. */
class CompileOnChangeIT {

    @TempDir
    Path dir;

    private SampleProject project;
    private int port;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private Supervisor supervisor;
    private Thread runner;

    @BeforeEach
    void start() throws Exception {
        project = new SampleProject(dir.resolve("project"));
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var out = new PrintStream(output, true, StandardCharsets.UTF_8);
        supervisor = Supervisor.builder()
                .mainClass("app.Main")
                .args(List.of(Integer.toString(port), dir.toString()))
                .classPath(project.classes.toString())
                .jvmOptions(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))
                .trustedHost((header, host) -> header.equals("127.0.0.1:" + port))
                .port(port)
                .reloaderType("watch")
                .watch(io.runserverplus.spi.WatchRequest.of(List.of(project.classes)))
                .quietPeriod(Duration.ofMillis(100))
                .standby(false)
                .out(out)
                .err(out)
                .build();
        runner = Thread.ofPlatform().name("supervisor").start(supervisor::run);
    }

    @AfterEach
    void stop() throws Exception {
        supervisor.close();
        runner.join(10_000);
    }

    @Test
    void savingASourceServesTheNewCodeAfterOneReload() throws Exception {
        awaitBody("hello! from ");
        Files.writeString(project.source("Greeting"), SampleProject.greeting("howdy", "!"));

        awaitBody("howdy! from ");
        String out = output();
        assertThat(out).contains(" * Compiled 'Greeting.java' in ",
                " * Detected change in '" + project.source("Greeting") + "', reloading");
    }

    @Test
    void aChangedConstantIsServedForItsUsersAreCompiledAgain() throws Exception {
        awaitBody("hello! from ");
        Files.writeString(project.source("Greeting"), SampleProject.greeting("hello", "?"));

        awaitBody("hello? from ");
        assertThat(output()).contains(" * A signature changed in 'Greeting.java': compiling every source again");
    }

    @Test
    void anIdeWritingTheSameClassFileCausesNoSecondRestart() throws Exception {
        awaitBody("hello! from ");
        Files.writeString(project.source("Greeting"), SampleProject.greeting("howdy", "!"));
        String first = awaitBody("howdy! from ");

        // The IDE's build of the same source with the same options: the same bytes, written again.
        Files.write(project.classFile("Greeting"), Files.readAllBytes(project.classFile("Greeting")));
        // Then a change that does restart: had the IDE's write restarted the app too, there would be two.
        Files.writeString(project.source("Greeting"), SampleProject.greeting("hi", "!"));
        String second = awaitBody("hi! from ");

        assertThat(second).isNotEqualTo(first);
        assertThat(output().split(" \\* Detected change in ", -1)).as("reloads").hasSize(3);
    }

    @Test
    void aCompileErrorIsAPageOnEveryRequestUntilASaveFixesIt() throws Exception {
        awaitBody("hello! from ");
        Files.writeString(project.source("Greeting"), SampleProject.greeting("<b>hi</b>", "!")
                .replace("\"<b>hi</b>\";", "\"<b>hi</b>\" + missing;"));

        String html = await(() -> {
            String answer = raw("GET /anything HTTP/1.1", "Host: 127.0.0.1:" + port, "Accept: text/html");
            return answer.startsWith("HTTP/1.1 503") ? answer : null;
        });
        // (the JDK's server writes header names in its own case)
        assertThat(html).contains("Content-security-policy: default-src 'none'; script-src 'self';",
                "Content-type: text/html", "X-content-type-options: nosniff",
                "<h1>CompileError: 1 compile error</h1>", project.source("Greeting").toString(),
                "line 7, column", "<tr class=\"line current\"><td class=\"ln\">7</td>",
                "&quot;&lt;b&gt;hi&lt;/b&gt;&quot; + <mark class=\"error-at\">m</mark>issing;", "cannot find symbol",
                "<script src=\"/__debugger__/runserverplus-supervisor/reload.js\"");
        assertThat(html).doesNotContain("<b>hi</b>", "<script>");
        assertThat(raw("GET /__debugger__/runserverplus-supervisor/reload.js HTTP/1.1", "Host: 127.0.0.1:" + port))
                .startsWith("HTTP/1.1 200").contains("new EventSource('/__debugger__/reloads')");

        String text = raw("GET / HTTP/1.1", "Host: 127.0.0.1:" + port);
        assertThat(text).startsWith("HTTP/1.1 503").contains("Content-type: text/plain",
                project.source("Greeting") + ":7: error: cannot find symbol\n");
        String json = raw("GET /api HTTP/1.1", "Host: 127.0.0.1:" + port, "Accept: application/problem+json");
        assertThat(json).startsWith("HTTP/1.1 503").contains("Content-type: application/problem+json",
                "\"title\":\"The app does not compile\"", "\"status\":503", "\"line\":7",
                "\"file\":\"" + project.source("Greeting") + "\"");

        for (String hostile : List.of("Host: evil.com", "Host: 127.0.0.1.nip.io")) {
            String untrusted = raw("GET / HTTP/1.1", hostile, "Accept: text/html");
            assertThat(untrusted).as(hostile).startsWith("HTTP/1.1 503").endsWith("\r\n\r\n" + FailurePage.BARE);
            assertThat(raw("GET /__debugger__/reloads HTTP/1.1", hostile)).as(hostile)
                    .endsWith("\r\n\r\n" + FailurePage.BARE);
        }
        assertThat(output().split("error: ", -1)).as("the terminal shows the error once").hasSize(2);

        Files.writeString(project.source("Greeting"), SampleProject.greeting("fixed", "!"));
        awaitBody("fixed! from ");
    }

    @Test
    void theEventStreamOfThePageEndsWhenANewAppServes() throws Exception {
        awaitBody("hello! from ");
        Files.writeString(project.source("Greeting"), "does not compile");
        await(() -> raw("GET / HTTP/1.1", "Host: 127.0.0.1:" + port).startsWith("HTTP/1.1 503") ? true : null);

        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(("GET /__debugger__/reloads HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String head = readUntil(reader, "event: page");
            assertThat(head).startsWith("HTTP/1.1 200").contains("Content-type: text/event-stream", "retry: 300");
            assertThat(reader.readLine()).startsWith("data: ");

            Files.writeString(project.source("Greeting"), SampleProject.greeting("back", "!"));
            // The stream ends when the supervisor hands the port to the new app...
            while (reader.readLine() != null) {
                // the chunked encoding's last chunk
            }
        }
        // ...which then serves, so the page's reconnect reaches it and the page reloads.
        awaitBody("back! from ");
    }

    @Test
    void theCompileErrorPageInABrowserReloadsItselfWhenTheFixedAppServes() throws Exception {
        awaitBody("hello! from ");
        Files.writeString(project.source("Greeting"), "does not compile");
        await(() -> raw("GET / HTTP/1.1", "Host: 127.0.0.1:" + port).startsWith("HTTP/1.1 503") ? true : null);

        try (var chromium = HeadlessChromium.open("http://127.0.0.1:" + port + "/")) {
            await(() -> chromium.titles().contains("Compile error · RunServerPlus") ? true : null);
            Files.writeString(project.source("Greeting"), SampleProject.greeting("again", "!"));
            awaitBody("again! from ");
            // Nothing but the page's own script navigates: a title other than the page's is the app's answer.
            await(() -> chromium.titles().stream().anyMatch(title -> title.startsWith("127.0.0.1:" + port)) ? true : null);
        }
    }

    private static String readUntil(BufferedReader reader, String line) throws IOException {
        var text = new StringBuilder();
        for (String read = reader.readLine(); read != null; read = reader.readLine()) {
            text.append(read).append('\n');
            if (read.equals(line)) {
                return text.toString();
            }
        }
        throw new AssertionError("The stream ended before '" + line + "': " + text);
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private String awaitBody(String prefix) throws InterruptedException {
        return await(() -> {
            String answer = raw("GET / HTTP/1.1", "Host: 127.0.0.1:" + port);
            int body = answer.indexOf("\r\n\r\n");
            return answer.startsWith("HTTP/1.1 200") && answer.substring(body + 4).startsWith(prefix)
                    ? answer.substring(body + 4) : null;
        });
    }

    /** A request over a raw socket, closed after the answer; "" when nothing listens. */
    private String raw(String... lines) {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write((String.join("\r\n", lines) + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static <T> T await(Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Timed out after 60 s");
    }
}
