package io.runserverplus.reloader;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.ChangeDetector;
import io.runserverplus.spi.WatchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A build writing 500 class files over about a second must restart the app once. */
class DebounceBurstTest {

    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"watch", "poll"})
    void aBurstOf500WritesGivesOneBatch(String type) throws Exception {
        var batches = new ArrayList<Set<Path>>();
        var request = new WatchRequest(List.of(root), List.of(), Duration.ofMillis(100));
        // The quiet period the supervisor uses for this detector with its defaults.
        Duration quiet = Supervisor.builder().mainClass("unused.Main").reloaderType(type).watch(request)
                .settings().effectiveQuietPeriod();
        try (var debouncer = new Debouncer(quiet, Duration.ofSeconds(5), batch -> {
                    synchronized (batches) {
                        batches.add(batch);
                    }
                }).start();
                ChangeDetector detector = ChangeDetectors.select(type).create(request, debouncer)) {
            detector.start();
            for (int i = 0; i < 500; i++) {
                Path dir = Files.createDirectories(root.resolve("com/acme/p" + i % 10));
                Files.writeString(dir.resolve("C" + i + ".class"), "class " + i);
                if (i % 25 == 0) {
                    Thread.sleep(40); // 20 pauses of 40 ms: about a second in all
                }
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < deadline) {
                synchronized (batches) {
                    if (!batches.isEmpty() && batches.getFirst().size() >= 500) {
                        break;
                    }
                }
                Thread.sleep(20);
            }
            Thread.sleep(500); // time for a stray second batch to show up
        }
        synchronized (batches) {
            assertThat(batches).hasSize(1);
            assertThat(batches.getFirst()).hasSize(500);
        }
    }
}
