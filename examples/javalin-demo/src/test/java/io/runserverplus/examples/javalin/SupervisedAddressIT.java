package io.runserverplus.examples.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Where the app JVMs under a supervisor serve. An app that names its own port is served there: the
 * first app JVM chooses it (the supervisor never runs the app's configuration, which would keep
 * the framework in its memory) and later ones are handed it, so they run the configuration once;
 * the supervisor's failure page answers there too, and when the port is taken the supervisor stops
 * with the first app JVM's sentence. With port 0 the first app JVM gets a free port and every later
 * one serves on it, so a reload keeps the browser's URL.
 */
class SupervisedAddressIT extends SupervisedDemoTest {

    @Test
    void theAppsOwnPortIsChosenInTheAppJvmAndTheSupervisorNeverRunsTheAppsConfiguration() throws Exception {
        Path classes = temp.resolve("classes");
        int ownPort = DemoFiles.freePort();
        startOwnPortApp(classes, ownPort);
        String url = "http://127.0.0.1:" + ownPort + "/";

        String first = awaitBody(url, "configured ");
        Files.writeString(classes.resolve("touched.txt"), "a change that reloads the app");
        String afterReload = awaitBody(url, "configured ", body -> !body.equals(first));
        assertThat(afterReload).as("a new app JVM, on the same port, configured once")
                .startsWith("configured 1 time(s) in JVM ").isNotEqualTo(first);
        String console = Files.readString(temp.resolve("console.txt"));
        assertThat(console).as("the supervisor's JVM").doesNotContain("configuration ran in JVM " + supervisor.pid() + "\n")
                .contains("configuration ran in JVM " + afterReload.substring(afterReload.lastIndexOf(' ') + 1))
                .doesNotContain("is not used");
    }

    @Test
    void whenTheAppDiesTheFailurePageAnswersOnTheAppsOwnPort() throws Exception {
        Path classes = temp.resolve("classes");
        int ownPort = DemoFiles.freePort();
        startOwnPortApp(classes, ownPort);
        String url = "http://127.0.0.1:" + ownPort + "/";
        awaitBody(url, "configured ");

        try {
            client.send(HttpRequest.newBuilder(URI.create(url + "exit")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException dying) {
            // the app exits while it answers
        }
        String page = awaitBody(url, "The app exited with status 5");
        assertThat(page).startsWith("RunServerPlus: the app is not running.");

        Files.writeString(classes.resolve("touched.txt"), "a change that restarts the app");
        assertThat(awaitBody(url, "configured ")).startsWith("configured 1 time(s) in JVM ");
    }

    @Test
    void whenTheAppsOwnPortIsTakenTheSupervisorStopsWithOneSentence() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            startOwnPortApp(temp.resolve("classes"), taken.getLocalPort());

            assertThat(supervisor.waitFor(60, TimeUnit.SECONDS)).as("the supervisor stopped").isTrue();
            assertThat(supervisor.exitValue()).isEqualTo(1);
            assertThat(Files.readString(temp.resolve("console.txt")))
                    .contains("Port " + taken.getLocalPort() + " is in use by another program.")
                    .contains(" * The app exited with status 1 before it chose where to serve, so the reloader stops too.")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void aNamedAddressWinsAndTheFirstAppJvmNamesTheAppsOwnPortInOneWarning() throws Exception {
        Path classes = temp.resolve("classes");
        int ownPort = DemoFiles.freePort();
        int named = DemoFiles.freePort();
        startOwnPortApp(classes, ownPort, "127.0.0.1:" + named);
        String url = "http://127.0.0.1:" + named + "/";
        String first = awaitBody(url, "configured ");

        Files.writeString(classes.resolve("touched.txt"), "a change that reloads the app");
        awaitBody(url, "configured ", body -> !body.equals(first));
        String console = Files.readString(temp.resolve("console.txt"));
        assertThat(console.split("is not used", -1)).as("one warning line in:\n" + console).hasSize(2);
        assertThat(console).contains("WARNING: the app's own port " + ownPort + " (config.jetty.port) is not used:"
                + " a RunServerPlus setting names 127.0.0.1:" + named + "; drop one of the two.")
                .doesNotContain("configuration ran in JVM " + supervisor.pid() + "\n");
    }

    /** {@link OwnPortApp} (its own port {@code ownPort}) under its supervisor, with the classes copied to {@code classes}. */
    private void startOwnPortApp(Path classes, int ownPort, String... args) throws Exception {
        DemoFiles.copyTree(Path.of("target", "test-classes"), classes);
        String jars = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
        var command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Down.port=" + ownPort, "-cp", classes + File.pathSeparator + "target/classes" + File.pathSeparator + jars,
                OwnPortApp.class.getName()));
        command.addAll(List.of(args));
        supervisor = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(temp.resolve("console.txt").toFile()).start();
    }

    @Test
    void portZeroIsChosenOnceAndEveryReloadServesOnIt() throws Exception {
        Path classes = temp.resolve("classes");
        DemoFiles.copyTree(Path.of("target", "classes"), classes);
        String jars = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
        supervisor = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + jars, JavalinDemo.class.getName(), "127.0.0.1:0")
                .redirectErrorStream(true).redirectOutput(temp.resolve("console.txt").toFile()).start();
        String url = awaitConsole(RUNNING_ON, 1).get(0) + "/";
        awaitBody(url, "Hello from the Javalin demo");

        for (int reload = 2; reload <= 3; reload++) {
            Files.writeString(classes.resolve("touched.txt"), "reload " + reload);
            awaitConsole(PIN, reload); // each app JVM prints the PIN once it serves
            assertThat(awaitBody(url, "Hello from the Javalin demo")).as("served on the first port after reload " + reload)
                    .isEqualTo("Hello from the Javalin demo");
        }
        assertThat(awaitConsole(RUNNING_ON, 1)).as("every start names the first port").containsOnly(url.substring(0, url.length() - 1));
    }

    private static final java.util.regex.Pattern RUNNING_ON = java.util.regex.Pattern.compile(" \\* Running on (http://127\\.0\\.0\\.1:\\d+)");
    private static final java.util.regex.Pattern PIN = java.util.regex.Pattern.compile(" \\* Debugger PIN: ([0-9-]+)");

    /** Waits until the supervisor's output has at least {@code count} matches; returns their first groups. */
    private List<String> awaitConsole(java.util.regex.Pattern pattern, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        List<String> found = List.of();
        while (System.nanoTime() < deadline) {
            found = pattern.matcher(Files.readString(temp.resolve("console.txt"))).results().map(m -> m.group(1)).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(count + " x '" + pattern + "' not printed within 40 s:\n" + Files.readString(temp.resolve("console.txt")));
    }

    private String awaitBody(String url, String text) throws Exception {
        return awaitBody(url, text, body -> true);
    }

    /** Polls until a response body contains the text and passes the check; returns that body. */
    private String awaitBody(String url, String text, java.util.function.Predicate<String> check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (System.nanoTime() < deadline) {
            try {
                String body = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (body.contains(text) && check.test(body)) {
                    return body;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no response containing '" + text + "' within 40 s\nconsole:\n"
                + Files.readString(temp.resolve("console.txt")));
    }
}
