package io.runserverplus.examples.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the supervisor shows and keeps when the app's JVM dies, with the demo started as a user
 * starts it: the app-down page tells only trusted hosts why, and never shows the PIN; ten wrong
 * PINs lock the console for good, across a reload and a crash.
 */
class SupervisorSecurityIT extends SupervisedDemoTest {

    private static final Path DEMO_SOURCE = Path.of("src/main/java/io/runserverplus/examples/javalin/JavalinDemo.java");
    private static final Pattern PIN = Pattern.compile(" \\* Debugger PIN: ([0-9-]+)");
    private static final Pattern SERVED_BY = Pattern.compile("served by (\\d+)");
    /** The supervisor's crash window (5 s) and a margin: a child that has served this long is restarted when it dies. */
    private static final Duration LONGER_THAN_THE_CRASH_WINDOW = Duration.ofSeconds(6);

    private Path classes;
    private String jars;
    private String url;
    private int port;

    @BeforeEach
    void startTheDemoUnderTheSupervisor() throws Exception {
        classes = temp.resolve("classes");
        DemoFiles.copyTree(Path.of("target", "classes"), classes);
        port = DemoFiles.freePort();
        jars = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + jars, JavalinDemo.class.getName(), "127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("console.txt").toFile());
        builder.environment().remove("RUNSERVERPLUS_DEBUG_PIN");
        supervisor = builder.start();
        url = "http://127.0.0.1:" + port + "/";
        awaitBody("Hello from the Javalin demo", Duration.ofSeconds(40));
    }

    @Test
    void theAppDownPageShowsTheAppsOutputOnlyToTrustedHostsAndNeverThePin() throws Exception {
        String pin = printedPin();
        compile(demoSource().replace("        start(args);", """
                        start(args);
                        System.out.println("dying on purpose after the start");
                        System.exit(1);"""));
        awaitRaw("Host: 127.0.0.1:" + port, "dying on purpose after the start");

        for (String trusted : List.of("127.0.0.1:" + port, "localhost:" + port, "localhost")) {
            String page = rawGet("Host: " + trusted);
            assertThat(page).as(trusted).startsWith("HTTP/1.1 503 ")
                    .contains("The app exited with status 1", " * Debugger is active!", "dying on purpose after the start")
                    .doesNotContain(pin, pin.replace("-", ""), "Debugger PIN", "RUNSERVERPLUS_COOKIE_KEY",
                            classes.toString(), "-cp ", "Command");
        }
        for (String hostile : List.of("evil.com", "localhost.evil.com", "127.0.0.1.nip.io", "evil.com:" + port)) {
            String page = rawGet("Host: " + hostile);
            assertThat(page).as(hostile).startsWith("HTTP/1.1 503 ").endsWith("\r\n\r\nThe app is not running.\n");
        }
        assertThat(Files.readString(temp.resolve("console.txt"))).as("the terminal shows why")
                .contains("dying on purpose after the start", " * The app exited with status 1 within 5 s of serving,"
                        + " so it is not restarted until a watched file changes.");
    }

    @Test
    void tenWrongPinsLockTheConsoleAcrossAReloadAndACrash() throws Exception {
        String pin = printedPin();
        String cookie = pinCookie(pin);
        assertThat(authenticated(cookie)).isTrue();

        List<String> answers = wrongPinsAtOnce(10);
        assertThat(answers).noneMatch(answer -> answer.contains("\"auth\": true"))
                .anyMatch(answer -> answer.contains("\"exhausted\": true"));
        assertLocked(pin, cookie);

        compile(demoSource().replace("ctx.result(\"Hello from the Javalin demo\")",
                "ctx.result(\"Hello after a reload, served by \" + ProcessHandle.current().pid())"));
        long reloaded = servedBy(awaitBody("Hello after a reload", Duration.ofSeconds(40)));
        assertLocked(pin, cookie);

        Thread.sleep(LONGER_THAN_THE_CRASH_WINDOW.toMillis()); // it has served long enough to be restarted
        ProcessHandle.of(reloaded).orElseThrow().destroyForcibly(); // kill -9
        ProcessHandle.of(reloaded).ifPresent(gone -> gone.onExit().join());
        long restarted = servedBy(awaitBody("Hello after a reload", Duration.ofSeconds(10)));
        assertThat(restarted).as("served by a new child").isNotEqualTo(reloaded);
        assertLocked(pin, cookie);
        assertThat(Files.readString(temp.resolve("console.txt")))
                .contains(" * The app exited with status 137 (killed by signal 9); restarting it.");
    }

    private void assertLocked(String pin, String cookie) throws Exception {
        assertThat(pinAuth(pin)).as("the right PIN after the lock").isEqualTo("{\"auth\": false, \"exhausted\": true}");
        assertThat(authenticated(cookie)).as("a cookie issued before the lock").isFalse();
    }

    /** Sends wrong PINs concurrently (each waits up to 5 s before it is answered); returns the answers. */
    private List<String> wrongPinsAtOnce(int count) throws Exception {
        String secret = secret();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(client.sendAsync(pinAuthRequest(secret, "000-000-00" + i), HttpResponse.BodyHandlers.ofString()));
        }
        List<String> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : sent) {
            answers.add(answer.get(60, TimeUnit.SECONDS).body());
        }
        return answers;
    }

    private String printedPin() throws IOException {
        Matcher pin = PIN.matcher(Files.readString(temp.resolve("console.txt")));
        assertThat(pin.find()).as("the PIN is printed").isTrue();
        return pin.group(1);
    }

    private String pinAuth(String pin) throws Exception {
        return client.send(pinAuthRequest(secret(), pin), HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpRequest pinAuthRequest(String secret, String pin) {
        return HttpRequest.newBuilder(URI.create(url + "__debugger__/pinauth"))
                .header("X-Debugger-Secret", secret)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("pin=" + pin)).build();
    }

    /** Enters the right PIN; returns the cookie that remembers it. */
    private String pinCookie(String pin) throws Exception {
        HttpResponse<String> answer = client.send(pinAuthRequest(secret(), pin), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).contains("\"auth\": true");
        String setCookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private boolean authenticated(String cookie) throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url + "__debugger__/auth"))
                .header("X-Debugger-Secret", secret()).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.body().replace(" ", "").contains("\"auth\":true");
    }

    /** The per-start secret, from a traceback page of the child that serves now. */
    private String secret() throws Exception {
        String page = client.send(HttpRequest.newBuilder(URI.create(url + "boom")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher secret = Pattern.compile("data-secret=\"([^\"]+)\"").matcher(page);
        assertThat(secret.find()).as(page).isTrue();
        return secret.group(1);
    }

    private static long servedBy(String body) {
        Matcher pid = SERVED_BY.matcher(body);
        assertThat(pid.find()).as(body).isTrue();
        return Long.parseLong(pid.group(1));
    }

    private static String demoSource() throws IOException {
        return Files.readString(DEMO_SOURCE);
    }

    private void compile(String source) throws IOException {
        Path sourceDir = Files.createDirectories(temp.resolve("src-" + System.nanoTime()).resolve("io/runserverplus/examples/javalin"));
        Path file = Files.writeString(sourceDir.resolve("JavalinDemo.java"), source);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", classes + File.pathSeparator + jars, file.toString());
        assertThat(status).as("javac").isZero();
    }

    /** A GET of / over a raw socket with the given header lines as they are; returns the whole answer. */
    private String rawGet(String headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET / HTTP/1.1\r\n" + headers + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void awaitRaw(String headers, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = rawGet(headers);
                if (last.contains(text)) {
                    return;
                }
            } catch (IOException notYet) {
                // the port is between two owners
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no page containing '" + text + "' within 40 s; last was: " + last
                + "\nconsole:\n" + Files.readString(temp.resolve("console.txt")));
    }

    /** Polls / until its body contains the text; returns that body. */
    private String awaitBody(String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            Optional<String> body = tryGet();
            if (body.isPresent() && body.get().contains(text)) {
                return body.get();
            }
            last = body.orElse(last);
            Thread.sleep(100);
        }
        throw new AssertionError("no response containing '" + text + "' within " + timeout.toSeconds() + " s; last was: "
                + last + "\nconsole:\n" + Files.readString(temp.resolve("console.txt")));
    }

    private Optional<String> tryGet() {
        try {
            return Optional.of(client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException | InterruptedException notYet) {
            return Optional.empty();
        }
    }
}
