package io.runserverplus.core.source;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Guesses where the application's sources are, the way an IDE would: {@code src/main/java} and
 * {@code src/test/java} under the working directory, and under the project directory of every
 * {@code target/classes} or {@code target/test-classes} directory on the class path (a
 * multi-module build puts each module's classes there). Bound in the injector for the source
 * locator; a record of its own so that the source package needs nothing from the traceback package.
 *
 * @param directories directories searched for application sources, in order
 */
public record SourceRoots(List<Path> directories) {

    public SourceRoots {
        directories = List.copyOf(directories);
    }

    /** Existing source directories, configured ones first, without duplicates. */
    public static List<Path> detect(List<Path> configured, Path workingDirectory, String classPath) {
        Set<Path> roots = new LinkedHashSet<>();
        configured.forEach(root -> roots.add(root.toAbsolutePath().normalize()));
        addProject(roots, workingDirectory);
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path classes = Path.of(entry).toAbsolutePath().normalize();
            Path target = classes.getParent();
            if (Files.isDirectory(classes) && target != null && target.getFileName() != null
                    && "target".equals(target.getFileName().toString()) && target.getParent() != null) {
                addProject(roots, target.getParent());
            }
        }
        return roots.stream().filter(Files::isDirectory).toList();
    }

    private static void addProject(Set<Path> roots, Path project) {
        Path base = project.toAbsolutePath().normalize();
        roots.add(base.resolve("src/main/java"));
        roots.add(base.resolve("src/test/java"));
    }
}
