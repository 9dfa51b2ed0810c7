package io.runserverplus.examples.javalin;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/**
 * Starts the demo the way ./run-demo does (a child JVM with {@code java -cp target/classes:<jars>}),
 * so the README's run command is covered by the build.
 */
class RunDemoIT {

    private static final Pattern RUNNING_ON = Pattern.compile(" \\* Running on (http://127\\.0\\.0\\.1:\\d+)");

    @Test
    void theDemoStartsFromItsClassesAndJarsAndServesTheGreeting() throws Exception {
        Process demo = demoProcess("127.0.0.1:0").redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
            String url = awaitUrl(output);

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "/")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.body()).isEqualTo("Hello from the Javalin demo");
        } finally {
            demo.destroy();
            demo.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBadAddressEndsTheProgramWithOneSentenceAndExitCode2() throws Exception {
        Process demo = demoProcess("localhost:http").start();

        assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String errors = new String(demo.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(demo.exitValue()).isEqualTo(2);
        assertThat(errors.strip().lines().filter(line -> !line.startsWith("WARNING:")))
                .containsExactly("\"http\" in \"localhost:http\" is not a port number; use a number from 0 to 65535 (0 picks a free port).");
    }

    private static ProcessBuilder demoProcess(String... args) throws Exception {
        String jars = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Path.of("target", "classes") + File.pathSeparator + jars,
                JavalinDemo.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static String awaitUrl(BufferedReader output) throws Exception {
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            seen.append(line).append('\n');
            Matcher matcher = RUNNING_ON.matcher(line);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("the demo ended without announcing its address:\n" + seen);
    }
}
