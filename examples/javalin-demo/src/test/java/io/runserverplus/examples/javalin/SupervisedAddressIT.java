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
 * Where the app JVMs under a supervisor serve. The supervisor hands its children the address it
 * resolved: an app that names its own port is served there by every app JVM, which runs the app's
 * configuration function once (not a second time to find the port); with port 0 the first app JVM
 * gets a free port and every later one serves on it, so a reload keeps the browser's URL.
 */
class SupervisedAddressIT extends SupervisedDemoTest {

    @Test
    void everyAppJvmServesOnTheAppsOwnPortAndRunsItsConfigurationOnce() throws Exception {
        Path classes = temp.resolve("classes");
        DemoFiles.copyTree(Path.of("target", "test-classes"), classes);
        String jars = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
        int ownPort = DemoFiles.freePort();
        supervisor = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Down.port=" + ownPort, "-cp", classes + File.pathSeparator + "target/classes" + File.pathSeparator + jars,
                OwnPortApp.class.getName())
                .redirectErrorStream(true).redirectOutput(temp.resolve("console.txt").toFile()).start();
        String url = "http://127.0.0.1:" + ownPort + "/";

        String first = awaitBody(url, "configured ");
        assertThat(first).startsWith("configured 1 time(s) in JVM ");

        Files.writeString(classes.resolve("touched.txt"), "a change that reloads the app");
        String afterReload = awaitBody(url, "configured ", body -> !body.equals(first));
        assertThat(afterReload).as("a new app JVM, on the same port, configured once")
                .startsWith("configured 1 time(s) in JVM ").isNotEqualTo(first);
        assertThat(Files.readString(temp.resolve("console.txt"))).doesNotContain("is not used");
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
