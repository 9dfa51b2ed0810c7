package io.runserverplus.reloader;

import io.runserverplus.spi.ChangeDetectorProvider;
import io.runserverplus.spi.WatchRequest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * What a {@link Supervisor} runs with: built once by {@link SupervisorBuilder#build()}, checked
 * here, and never changed afterwards, so a builder reused after {@code build()} cannot reach into
 * a running supervisor. See the builder's methods for what each value means and its default.
 */
record SupervisorSettings(
        String mainClass,
        List<String> args,
        List<String> jvmOptions,
        List<String> parentOptions,
        Map<String, String> environment,
        int port,
        String host,
        ChangeDetectorProvider detector,
        WatchRequest watch,
        Path javaHome,
        String classPath,
        Duration quietPeriod,
        Duration maxDelay,
        Duration stopTimeout,
        Duration crashWindow,
        BiPredicate<String, String> trustedHost,
        StaticFiles staticFiles,
        PrintStream out,
        PrintStream err,
        boolean standby,
        List<SourceSet> sourceSets,
        CompileOptions compileOptions,
        boolean hotswap) {

    SupervisorSettings {
        if (mainClass == null) {
            throw new ReloaderException("The supervisor needs the app's main class; call mainClass(...).");
        }
        if (maxDelay.compareTo(quietPeriod) < 0) {
            throw new ReloaderException("The maximum delay " + maxDelay
                    + " cannot be shorter than the quiet period " + quietPeriod + ".");
        }
        args = List.copyOf(args);
        jvmOptions = List.copyOf(jvmOptions);
        parentOptions = List.copyOf(parentOptions);
        environment = Map.copyOf(environment);
        // host: null when the first child chooses the address with the app's own settings
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(javaHome, "javaHome");
        Objects.requireNonNull(classPath, "classPath");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        Objects.requireNonNull(crashWindow, "crashWindow");
        Objects.requireNonNull(trustedHost, "trustedHost");
        Objects.requireNonNull(staticFiles, "staticFiles");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        sourceSets = List.copyOf(sourceSets);
        Objects.requireNonNull(compileOptions, "compileOptions");
    }

    /**
     * A polling detector sees a burst only at its ticks, so "the writes have settled" can only be
     * known one tick later: its quiet period is at least the poll interval (plus a margin), else a
     * build that spans two ticks would restart the app twice.
     */
    Duration effectiveQuietPeriod() {
        if (!PollDetectorProvider.NAME.equals(detector.name())) {
            return quietPeriod;
        }
        Duration tick = watch.pollInterval().plusMillis(50);
        return tick.compareTo(quietPeriod) > 0 ? tick : quietPeriod;
    }

    /**
     * How long a lone changed file waits: {@link Debouncer#LONE_SOURCE_QUIET} for a source file,
     * {@link Debouncer#LONE_QUIET} for another with file-system events (the debouncer keeps either
     * within the quiet period); a polling detector may see the first file of a burst at one tick
     * and the rest at the next, so there every batch waits the {@link #effectiveQuietPeriod() whole
     * quiet period}.
     */
    Duration loneChangeQuietPeriod(Path changed) {
        if (PollDetectorProvider.NAME.equals(detector.name())) {
            return effectiveQuietPeriod();
        }
        return changed.getFileName() != null && changed.getFileName().toString().endsWith(".java")
                ? Debouncer.LONE_SOURCE_QUIET : Debouncer.LONE_QUIET;
    }
}
