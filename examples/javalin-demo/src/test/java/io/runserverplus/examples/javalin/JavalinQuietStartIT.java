package io.runserverplus.examples.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An app whose SLF4J backend logs at INFO (slf4j-simple's own default) sees Javalin's and Jetty's
 * start-up lines, but nothing of RunServerPlus's making: Javalin says "you never started it" 5 s
 * after creating an instance that was not started, which the adapter's warm-up must not provoke.
 */
class JavalinQuietStartIT {

    /** Javalin's check runs 5 s after an instance is created; the warm-up creates one at start. */
    private static final long JAVALIN_CHECK_MILLIS = 5_000;

    @Test
    void noNeverStartedWarningAfterStartAtInfoLevel() throws Exception {
        String jars = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-cp", Path.of("target", "classes") + File.pathSeparator + jars,
                JavalinDemo.class.getName(), "127.0.0.1:0", "--noreload").redirectErrorStream(true).start();
        List<String> printed = new CopyOnWriteArrayList<>();
        CountDownLatch running = new CountDownLatch(1);
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    printed.add(line);
                    if (line.startsWith(" * Running on ")) {
                        running.countDown();
                    }
                }
            } catch (java.io.IOException ended) {
                // the demo was stopped
            }
        });
        try {
            assertThat(running.await(60, TimeUnit.SECONDS)).as("the demo announces its address: %s", printed).isTrue();
            // The warm-up starts with the app, before "Running on": this waits past its check.
            Thread.sleep(JAVALIN_CHECK_MILLIS + 1_500);

            assertThat(printed).as("INFO lines are printed, so the check would be seen")
                    .anyMatch(line -> line.contains("INFO io.javalin.Javalin"));
            assertThat(printed).noneMatch(line -> line.contains("never started"));
        } finally {
            demo.destroy();
            demo.waitFor(15, TimeUnit.SECONDS);
            reader.join(5_000);
        }
    }
}
