package io.runserverplus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.core.RunningServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the README promises of every demo: its routes, sources found without configuration, and
 * that it starts the way ./run-demo starts it (a child JVM over target/classes and the jars listed
 * in target/runtime-classpath.txt).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DemoContract {

    private static final Pattern RUNNING_ON = Pattern.compile(" \\* Running on (http://127\\.0\\.0\\.1:\\d+)");
    /** What the terminal shows from start to the first request: the banner and the request's log line. */
    private static final Pattern OWN_START_LINE = Pattern.compile(
            " \\* .+|WARNING: This is a development server\\..*|Quit the server with CONTROL-C\\.|127\\.0\\.0\\.1 - - \\[.+");

    private RunningServer demo;
    private final HttpClient client = HttpClient.newHttpClient();

    /** Starts the demo in this JVM with runserver_plus arguments. */
    protected abstract RunningServer start(String... args);

    /** The demo's main class. */
    protected abstract Class<?> mainClass();

    /** "Javalin", "Helidon" or "Jetty", as the greeting says. */
    protected abstract String framework();

    @BeforeAll
    void startDemo() {
        demo = start("127.0.0.1:0", "--noreload");
    }

    @AfterAll
    void stopDemo() {
        demo.stop();
    }

    @Test
    void theRootAnswersTheGreeting() throws Exception {
        HttpResponse<String> response = get("/", "text/html");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Hello from the " + framework() + " demo");
    }

    @Test
    void boomFailsThreeApplicationFramesDeepWithTheirSourceShown() throws Exception {
        String demoPackage = mainClass().getPackageName().replace(".", "\\.");
        HttpResponse<String> response = get("/boom", "text/html");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(PageHtml.withoutWordBreaks(response.body()))
                .contains("Cannot reserve &#39;durian&#39;: out of stock")
                .containsPattern("frame application focus expanded[^>]*>\\s*<div[^>]*>" + PageHtml.DISCLOSURE
                        + "<span class=\"at\">at</span> "
                        + "<span class=\"class\">" + demoPackage + "\\.Inventory</span>\\.<span class=\"method\">reserve</span>")
                .containsPattern("<span class=\"class\">" + demoPackage + "\\.Checkout\\$Pricing</span>\\.<span class=\"method\">total</span>")
                .containsPattern("<span class=\"class\">" + demoPackage + "\\.Checkout</span>\\.<span class=\"method\">placeOrder</span>")
                .containsPattern("class=\"line current in-callable\"><td class=\"ln\">\\d+</td><td class=\"code\"><pre>.*"
                        + "<span class=\"tok-keyword\">throw</span>");
    }

    @Test
    void withoutTheReloaderThePageSaysHowToCaptureFrameVariables() throws Exception {
        String page = get("/boom", "text/html").body();

        assertThat(page).contains("Frame variables are not captured: this JVM runs without the capture agent")
                .containsPattern("start java with -javaagent:\\S+runserverplus-console[^ ]*\\.jar\\.")
                .doesNotContain("<details class=\"locals\"");
    }

    @Test
    void chainShowsEveryCauseAndTheSuppressedException() throws Exception {
        String text = get("/chain", "text/plain").body();

        assertThat(text)
                .startsWith("java.lang.IllegalStateException: Report for 2026-Q4 could not be produced")
                .contains("Suppressed: java.io.IOException: could not release the lock on report-2026-Q4.lock")
                .contains("Caused by: java.io.IOException: figures for 2026-Q4 are unreadable")
                .contains("Caused by: java.io.IOException: disk quota exceeded while reading figures-2026-Q4.csv");
    }

    @Test
    void errorShowsTheErrorOnThePage() throws Exception {
        HttpResponse<String> response = get("/error", "text/html");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(PageHtml.withoutWordBreaks(response.body())).contains("<h1>java.lang.AssertionError</h1>");
    }

    @Test
    void theDemoStartsFromItsClassesAndJarsAndServesTheGreeting() throws Exception {
        Process child = demoProcess("127.0.0.1:0").redirectErrorStream(true).start();
        // readLine blocks while the demo prints nothing: a demo that never gets to the awaited line
        // is ended after two minutes, which ends the read and fails the test instead of hanging it.
        java.util.concurrent.CompletableFuture.runAsync(child::destroyForcibly,
                java.util.concurrent.CompletableFuture.delayedExecutor(2, TimeUnit.MINUTES));
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> printed = new ArrayList<>();
            String url = awaitUrl(output, printed);

            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.body()).isEqualTo("Hello from the " + framework() + " demo");
            // Nothing but RunServerPlus's banner and log line: no framework's start-up chatter
            // (Helidon without a logging module says "There is no Helidon logging implementation").
            awaitLine(output, printed, "\"GET / HTTP/1.1\" 200");
            assertThat(printed).allMatch(line -> OWN_START_LINE.matcher(line).matches(), "RunServerPlus's own line");
            // Under the supervisor (the default) the child runs with the capture agent: the page shows variables.
            HttpResponse<String> boom = client.send(HttpRequest.newBuilder(URI.create(url + "/boom"))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(boom.body()).contains("<details class=\"locals\" open>").doesNotContain("Frame variables are not captured");
            // ...and the page reloads itself once the supervisor runs another app: reload.js asks the
            // app which JVM serves (the child, not the supervisor) and reloads when another answers.
            assertThat(boom.body()).contains("<script src=\"/__debugger__/resource/reload.js?v=");
            HttpResponse<String> reloads = client.send(HttpRequest.newBuilder(URI.create(url + "/__debugger__/reloads"))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reloads.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(reloads.body()).matches("retry: 1000\nevent: app\ndata: \\d+\n\n")
                    .doesNotContain("data: " + child.pid() + "\n");
        } finally {
            child.destroy();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBadAddressEndsTheProgramWithOneSentenceAndExitCode2() throws Exception {
        Process child = demoProcess("localhost:http").start();

        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String errors = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).isEqualTo(2);
        assertThat(errors.strip().lines().filter(line -> !line.startsWith("WARNING:")))
                .containsExactly("\"http\" in \"localhost:http\" is not a port number; use a number from 0 to 65535 (0 picks a free port).");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(demo.url() + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private ProcessBuilder demoProcess(String... args) throws Exception {
        String jars = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Path.of("target", "classes") + File.pathSeparator + jars,
                mainClass().getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** Reads the demo's output, adding each line to {@code seen}, up to the line announcing its address. */
    private static String awaitUrl(BufferedReader output, List<String> seen) throws Exception {
        Matcher matcher = RUNNING_ON.matcher(awaitLine(output, seen, " * Running on "));
        if (!matcher.find()) {
            throw new AssertionError("the address is not 127.0.0.1:<port>: " + seen.get(seen.size() - 1));
        }
        return matcher.group(1);
    }

    /** Reads the demo's output, adding each line to {@code seen}, up to the first containing {@code text}. */
    private static String awaitLine(BufferedReader output, List<String> seen, String text) throws Exception {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            seen.add(line);
            if (line.contains(text)) {
                return line;
            }
        }
        throw new AssertionError("the demo ended before printing '" + text + "':\n" + String.join("\n", seen));
    }
}
