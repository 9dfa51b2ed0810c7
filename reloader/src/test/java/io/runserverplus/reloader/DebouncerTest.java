package io.runserverplus.reloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DebouncerTest {

    private static final long MS = 1_000_000;

    private final Debouncer debouncer = new Debouncer(Duration.ofMillis(200), Duration.ofSeconds(2),
            () -> { throw new AssertionError("fake clock only"); }, batch -> { });

    @Test
    void nothingIsDueWhileNothingChanged() {
        assertThat(debouncer.nanosUntilDue(0)).isEqualTo(-1);
        assertThat(debouncer.takeIfDue(10_000 * MS)).isEmpty();
    }

    @Test
    void aBatchIsReleasedOnceWritesPauseForTheQuietPeriod() {
        for (int i = 0; i < 500; i++) {
            debouncer.offer(Set.of(Path.of("A" + i + ".class")), i * 2 * MS); // 500 files over 1 s
        }
        long last = 998 * MS;
        assertThat(debouncer.takeIfDue(last + 199 * MS)).isEmpty();
        Set<Path> batch = debouncer.takeIfDue(last + 200 * MS);
        assertThat(batch).hasSize(500).first().isEqualTo(Path.of("A0.class"));
        assertThat(debouncer.takeIfDue(last + 10_000 * MS)).isEmpty();
    }

    @Test
    void aLoneFileIsReleasedAfterTheLoneQuietPeriodAndASecondFileMakesItABurst() {
        var lone = new Debouncer(Duration.ofMillis(120), path -> Duration.ofMillis(50), Duration.ofSeconds(2),
                () -> { throw new AssertionError("fake clock only"); }, batch -> { });
        lone.offer(Set.of(Path.of("Saved.java")), 0);
        lone.offer(Set.of(Path.of("Saved.java")), 10 * MS); // the editor's second write of the same file
        assertThat(lone.takeIfDue(59 * MS)).isEmpty();
        assertThat(lone.takeIfDue(60 * MS)).containsExactly(Path.of("Saved.java"));

        lone.offer(Set.of(Path.of("A.class")), 1_000 * MS);
        lone.offer(Set.of(Path.of("B.class")), 1_030 * MS); // a build's next class file
        assertThat(lone.takeIfDue(1_100 * MS)).as("a burst waits the whole quiet period").isEmpty();
        assertThat(lone.takeIfDue(1_150 * MS)).containsExactly(Path.of("A.class"), Path.of("B.class"));
    }

    @Test
    void theLoneQuietPeriodIsNeverLongerThanTheQuietPeriod() {
        var shortQuiet = new Debouncer(Duration.ofMillis(20), path -> Duration.ofMillis(50), Duration.ofSeconds(2),
                () -> { throw new AssertionError("fake clock only"); }, batch -> { });
        shortQuiet.offer(Set.of(Path.of("A.class")), 0);
        assertThat(shortQuiet.takeIfDue(20 * MS)).containsExactly(Path.of("A.class"));
    }

    @Test
    void aPollingDetectorKeepsTheWholeQuietPeriodForALoneFile() {
        var request = new io.runserverplus.spi.WatchRequest(java.util.List.of(), java.util.List.of(), Duration.ofMillis(300));
        SupervisorSettings poll = Supervisor.builder().mainClass("unused.Main").reloaderType("poll").watch(request).settings();
        SupervisorSettings watch = Supervisor.builder().mainClass("unused.Main").reloaderType("watch").watch(request).settings();
        assertThat(poll.loneChangeQuietPeriod(Path.of("A.class"))).isEqualTo(poll.effectiveQuietPeriod())
                .isEqualTo(Duration.ofMillis(350));
        assertThat(poll.loneChangeQuietPeriod(Path.of("A.java"))).isEqualTo(Duration.ofMillis(350));
        assertThat(watch.loneChangeQuietPeriod(Path.of("A.class"))).as("a class file: its build's next may follow")
                .isEqualTo(Duration.ofMillis(50));
        assertThat(watch.loneChangeQuietPeriod(Path.of("src/A.java"))).as("a saved source").isEqualTo(Duration.ofMillis(20));
        assertThat(watch.effectiveQuietPeriod()).isEqualTo(Duration.ofMillis(120));
    }

    @Test
    void aNeverEndingStreamIsReleasedAfterTheMaximumDelay() {
        long t = 0;
        var released = new ArrayList<Set<Path>>();
        for (; t < 5_000 * MS; t += 100 * MS) {
            debouncer.offer(Set.of(Path.of("log" + t)), t);
            Set<Path> batch = debouncer.takeIfDue(t);
            if (!batch.isEmpty()) {
                released.add(batch);
            }
        }
        assertThat(released).hasSize(2);
        assertThat(released.get(0)).hasSize(21); // 0 ms .. 2000 ms
    }

    @Test
    void theThreadDeliversOneBatchPerBurst() throws Exception {
        // Virtual time: the burst and the pauses last what the test says, whatever the machine's speed.
        AtomicLong now = new AtomicLong();
        BlockingQueue<Set<Path>> batches = new LinkedBlockingQueue<>();
        try (var real = new Debouncer(Duration.ofMillis(100), Duration.ofSeconds(2), now::get, batches::add).start()) {
            for (int i = 0; i < 50; i++) {
                real.changed(Set.of(Path.of("f" + i)));
                now.addAndGet(2 * MS);
            }
            now.addAndGet(400 * MS);
            assertThat(batches.poll(10, TimeUnit.SECONDS)).hasSize(50);
            real.changed(Set.of(Path.of("g")));
            now.addAndGet(400 * MS);
            assertThat(batches.poll(10, TimeUnit.SECONDS)).containsExactly(Path.of("g"));
            now.addAndGet(10_000 * MS);
            assertThat(real.nanosUntilDue(now.get())).as("nothing left to deliver").isEqualTo(-1);
        }
        assertThat(batches).isEmpty();
    }
}
