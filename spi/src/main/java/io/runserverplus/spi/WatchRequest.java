package io.runserverplus.spi;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ChangeDetector} watches.
 *
 * @param roots        directories (watched recursively) and single files
 * @param excludes     globs matched against each path relative to its root and against its file
 *                     name, e.g. {@code *.tmp} or {@code **}{@code /generated/**}
 * @param pollInterval how often polling detectors look; event detectors use it for fallbacks
 */
public record WatchRequest(List<Path> roots, List<String> excludes, Duration pollInterval) {

    /** The poll interval used when none is given, as Werkzeug's {@code stat} reloader. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

    public WatchRequest {
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException(
                    "The poll interval must be positive, but was " + pollInterval + ".");
        }
        var unique = new LinkedHashSet<Path>();
        for (Path root : roots) {
            unique.add(root.toAbsolutePath().normalize());
        }
        roots = List.copyOf(unique);
        excludes = List.copyOf(excludes);
    }

    /** Watches the given roots with no excludes and the default interval. */
    public static WatchRequest of(List<Path> roots) {
        return new WatchRequest(roots, List.of(), DEFAULT_POLL_INTERVAL);
    }

    /**
     * Watches the directories of this JVM's class path (compiled classes and resources; jars are
     * left out because builds replace them as a whole) plus the extra files or directories.
     */
    public static WatchRequest ofClassPath(List<Path> extra, List<String> excludes, Duration pollInterval) {
        var roots = new ArrayList<>(classPathDirectories(System.getProperty("java.class.path", "")));
        roots.addAll(extra);
        return new WatchRequest(roots, excludes, pollInterval);
    }

    /** The existing directories among the entries of a class path string. */
    public static List<Path> classPathDirectories(String classPath) {
        var dirs = new ArrayList<Path>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank() && Files.isDirectory(Path.of(entry))) {
                dirs.add(Path.of(entry));
            }
        }
        return dirs;
    }

    public WatchRequest withExcludes(List<String> newExcludes) {
        return new WatchRequest(roots, newExcludes, pollInterval);
    }

    public WatchRequest withPollInterval(Duration newInterval) {
        return new WatchRequest(roots, excludes, newInterval);
    }
}
