package io.runserverplus.reloader;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.ChangeDetector;
import io.runserverplus.spi.WatchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
        var request = new WatchRequest(List.of(root), List.of(), Duration.ofMillis(100));
        // The quiet period the supervisor uses for this detector with its defaults.
        Duration quiet = Supervisor.builder().mainClass("unused.Main").reloaderType(type).watch(request)
                .settings().effectiveQuietPeriod();
        // Virtual time for the debouncer: the writes pause 40 ms (20 pauses, about a second in all)
        // however long the machine takes to write and the detector to report them.
        AtomicLong now = new AtomicLong();
        BlockingQueue<Set<Path>> batches = new LinkedBlockingQueue<>();
        Set<Path> reported = ConcurrentHashMap.newKeySet();
        AtomicLong lastReportAt = new AtomicLong(System.nanoTime());
        try (var debouncer = new Debouncer(quiet, Duration.ofSeconds(5), now::get, batches::add).start();
                ChangeDetector detector = ChangeDetectors.select(type).create(request, paths -> {
                    reported.addAll(paths);
                    lastReportAt.set(System.nanoTime());
                    debouncer.changed(paths);
                })) {
            detector.start();
            Set<Path> written = new HashSet<>();
            for (int i = 0; i < 500; i++) {
                Path dir = Files.createDirectories(root.resolve("com/acme/p" + i % 10));
                written.add(Files.writeString(dir.resolve("C" + i + ".class"), "class " + i));
                if (i % 25 == 24) {
                    awaitReported(reported, written);
                    now.addAndGet(Duration.ofMillis(40).toNanos());
                }
            }
            // A file's creation and its content can come as two reports; the second one, reported
            // after the clock moved on, would restart a quiet period the test clock never ends.
            awaitDetectorQuiet(lastReportAt);
            now.addAndGet(quiet.toNanos());

            assertThat(batches.poll(10, TimeUnit.SECONDS)).as("one batch").hasSize(500);
            assertThat(debouncer.nanosUntilDue(now.get())).as("nothing left for a second batch").isEqualTo(-1);
        }
        assertThat(batches).isEmpty();
    }

    /** Waits until the detector reported nothing for 300 ms of real time (10 s at most). */
    private static void awaitDetectorQuiet(AtomicLong lastReportAt) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() - lastReportAt.get() < 300_000_000L) {
            assertThat(System.nanoTime()).as("the detector quiet within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Waits (10 s at most) until the detector reported every file written so far. */
    private static void awaitReported(Set<Path> reported, Set<Path> written) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!reported.containsAll(written)) {
            assertThat(System.nanoTime()).as("files reported within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
