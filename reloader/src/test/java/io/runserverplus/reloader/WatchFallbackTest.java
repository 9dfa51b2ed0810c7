package io.runserverplus.reloader;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.WatchRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running out of inotify watches must not lose edits silently (frappe #41147). */
class WatchFallbackTest {

    @TempDir
    Path watched;

    @TempDir
    Path limited;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Recorder recorder = new Recorder();

    /** Lets the first directories register, then fails under {@code limited} as Linux does. */
    private final WatchChangeDetector.Registrar outOfWatches = (dir, service) -> {
        if (dir.startsWith(limited) && !dir.equals(limited)) {
            throw new IOException("User limit of inotify watches reached");
        }
        return WatchChangeDetector.JDK_REGISTRAR.register(dir, service);
    };

    @Test
    void aTreeThatCannotBeWatchedIsPolledWithOneWarning() throws Exception {
        Files.createDirectories(limited.resolve("a/b"));
        Files.createDirectories(limited.resolve("c"));
        var request = new WatchRequest(List.of(watched, limited), List.of(), Duration.ofMillis(100));
        try (var detector = new WatchChangeDetector(request, recorder, outOfWatches,
                new PrintStream(err, true, StandardCharsets.UTF_8))) {
            detector.start();
            assertThat(detector.polledRoots()).containsExactly(limited);

            Path deep = Files.writeString(limited.resolve("a/b/A.class"), "a");
            Path plain = Files.writeString(watched.resolve("B.class"), "b");
            recorder.await(deep, plain);

            Files.createDirectories(limited.resolve("d/e"));
            Path later = Files.writeString(limited.resolve("d/e/C.class"), "c");
            recorder.await(later);
        }
        String warning = err.toString(StandardCharsets.UTF_8);
        assertThat(warning.lines()).hasSize(1);
        assertThat(warning).contains("User limit of inotify watches reached", "'" + limited + "' is polled every 100 ms",
                "fs.inotify.max_user_watches");
    }

    @Test
    void onlyWatchLimitErrorsCountAsRunningOut() {
        assertThat(WatchChangeDetector.isOutOfWatches(new IOException("User limit of inotify watches reached"))).isTrue();
        assertThat(WatchChangeDetector.isOutOfWatches(new IOException("Too many open files"))).isTrue();
        assertThat(WatchChangeDetector.isOutOfWatches(new IOException("No such file or directory"))).isFalse();
    }
}
