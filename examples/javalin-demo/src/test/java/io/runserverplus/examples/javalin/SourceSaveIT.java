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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Compile on change without the plugin, as an IDE's run or {@code java -cp} starts the demo: the
 * supervisor finds {@code src/main/java} beside the {@code target/classes} it watches, compiles a
 * saved source and reloads.
 */
class SourceSaveIT extends SupervisedDemoTest {

    private static final String SOURCE = "src/main/java/io/runserverplus/examples/javalin/JavalinDemo.java";

    @Test
    void aSavedSourceIsCompiledByTheSupervisorAndServed() throws Exception {
        Path project = temp.resolve("project");
        Path classes = project.resolve("target/classes");
        DemoFiles.copyTree(Path.of("target", "classes"), classes);
        DemoFiles.copyTree(Path.of("src", "main", "java"), project.resolve("src/main/java"));
        String jars = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
        int port = DemoFiles.freePort();
        String url = "http://127.0.0.1:" + port + "/";
        supervisor = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + jars, JavalinDemo.class.getName(), "127.0.0.1:" + port)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("console.txt").toFile())
                .start();
        awaitBody(url, "Hello from the Javalin demo");

        Path source = project.resolve(SOURCE);
        Files.writeString(source, Files.readString(source).replace("Hello from the Javalin demo", "Hello, saved"));

        awaitBody(url, "Hello, saved");
        assertThat(console()).contains(" * Compiled 'JavalinDemo.java' in ",
                " * Detected change in '" + source + "', reloading");
    }

    private void awaitBody(String url, String body) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (body.equals(client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString()).body())) {
                    return;
                }
            } catch (IOException notYet) {
                // between two app JVMs
            }
            Thread.sleep(50);
        }
        throw new AssertionError("'" + body + "' not served within 60 s; console:\n" + console());
    }

    private String console() {
        try {
            return Files.readString(temp.resolve("console.txt"));
        } catch (IOException e) {
            return "";
        }
    }
}
