package io.runserverplus.reloader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A source directory and the class directory its output goes to: {@code .java} files are compiled
 * there, anything else (a resources directory) is copied there.
 *
 * @param sources   where the user edits
 * @param classes   a directory the supervisor watches, on the app's class path
 * @param resources whether {@code sources} holds resources (copied) rather than Java sources (compiled)
 */
record SourceSet(Path sources, Path classes, boolean resources) {

    SourceSet {
        sources = sources.toAbsolutePath().normalize();
        classes = classes.toAbsolutePath().normalize();
    }

    /**
     * The source sets of the watched class directories, by the Maven and Gradle layouts:
     * {@code P/target/classes} ← {@code P/src/main/java} and {@code P/src/main/resources},
     * {@code P/target/test-classes} ← {@code P/src/test/...}, {@code P/build/classes/java/main} ←
     * {@code P/src/main/java}, {@code P/build/resources/main} ← {@code P/src/main/resources}.
     * {@code configured} source roots (the ones the source view searches) are matched to a watched
     * class directory of the same layout; only directories that exist count.
     */
    static List<SourceSet> detect(List<Path> configured, List<Path> watched) {
        Set<SourceSet> sets = new LinkedHashSet<>();
        for (Path dir : watched) {
            Path classes = dir.toAbsolutePath().normalize();
            for (SourceSet candidate : conventional(classes)) {
                if (Files.isDirectory(candidate.sources()) && Files.isDirectory(classes)) {
                    sets.add(candidate);
                }
            }
        }
        // A configured root counts when the layout names its class directory and that one is watched.
        var result = new ArrayList<SourceSet>();
        for (Path root : configured) {
            Path sources = root.toAbsolutePath().normalize();
            sets.stream().filter(set -> set.sources().equals(sources)).findFirst().ifPresent(result::add);
        }
        sets.stream().filter(set -> !result.contains(set)).forEach(result::add);
        return List.copyOf(result);
    }

    private static List<SourceSet> conventional(Path classes) {
        Path parent = classes.getParent();
        String name = String.valueOf(classes.getFileName());
        var sets = new ArrayList<SourceSet>();
        if (parent != null && "target".equals(String.valueOf(parent.getFileName())) && parent.getParent() != null) {
            Path project = parent.getParent();
            String scope = name.equals("classes") ? "main" : name.equals("test-classes") ? "test" : null;
            if (scope != null) {
                sets.add(new SourceSet(project.resolve("src/" + scope + "/java"), classes, false));
                sets.add(new SourceSet(project.resolve("src/" + scope + "/resources"), classes, true));
            }
        }
        // Gradle: P/build/classes/java/<scope> and P/build/resources/<scope>
        Path up2 = parent == null ? null : parent.getParent();
        if (parent != null && up2 != null && "java".equals(String.valueOf(parent.getFileName()))
                && "classes".equals(String.valueOf(up2.getFileName())) && up2.getParent() != null
                && "build".equals(String.valueOf(up2.getParent().getFileName())) && up2.getParent().getParent() != null) {
            sets.add(new SourceSet(up2.getParent().getParent().resolve("src/" + name + "/java"), classes, false));
        }
        if (parent != null && "resources".equals(String.valueOf(parent.getFileName())) && up2 != null
                && "build".equals(String.valueOf(up2.getFileName())) && up2.getParent() != null) {
            sets.add(new SourceSet(up2.getParent().resolve("src/" + name + "/resources"), classes, true));
        }
        return sets;
    }

    /** Whether {@code path} lies in this set's sources. */
    boolean holds(Path path) {
        return !path.equals(sources) && path.startsWith(sources);
    }
}
