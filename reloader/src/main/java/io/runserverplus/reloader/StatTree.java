package io.runserverplus.reloader;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The (modification time, size) of every file under some roots, and what changed since the last
 * look. Used by the {@code poll} detector and by {@code watch} for trees it cannot watch.
 *
 * <p>Idle cost matters here (django-extensions #625: 30 % of a core at idle): one walk per interval
 * with {@link Files#walkFileTree}, whose attributes come from the same stat as the walk; entries are
 * mutable and updated in place, and a generation counter finds deleted files without building a
 * second map, so an unchanged tree allocates only what the walk itself does. Not thread-safe.
 */
final class StatTree {

    private static final class Stat {
        long modified;
        long size;
        int generation;

        Stat(long modified, long size, int generation) {
            this.modified = modified;
            this.size = size;
            this.generation = generation;
        }
    }

    private final List<Path> roots;
    private final ExcludeMatcher excludes;
    private final Map<Path, Stat> stats = new HashMap<>();
    private final Visitor visitor = new Visitor();
    private int generation;
    private Set<Path> changed;
    private Path currentRoot;

    StatTree(List<Path> roots, ExcludeMatcher excludes) {
        this.roots = List.copyOf(roots);
        this.excludes = excludes;
    }

    /** Records the current state without reporting anything. */
    void baseline() {
        scan();
        changed = null;
    }

    /** Walks the roots again; returns the files created, modified or deleted since the last walk. */
    Set<Path> scan() {
        generation++;
        changed = null;
        for (Path root : roots) {
            currentRoot = root;
            try {
                BasicFileAttributes attrs = Files.readAttributes(root, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attrs.isDirectory()) {
                    Files.walkFileTree(root, visitor);
                } else {
                    record(root, attrs);
                }
            } catch (NoSuchFileException missing) {
                // A root that does not exist (yet) has no files; its creation shows up as new ones.
            } catch (IOException e) {
                // Unreadable now; keep the old entries rather than report a mass deletion.
                markSeenUnder(root);
            }
        }
        for (Iterator<Map.Entry<Path, Stat>> it = stats.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Stat> e = it.next();
            if (e.getValue().generation != generation) {
                it.remove();
                changed().add(e.getKey());
            }
        }
        Set<Path> result = changed == null ? Set.of() : changed;
        changed = null;
        return result;
    }

    int size() {
        return stats.size();
    }

    private void record(Path file, BasicFileAttributes attrs) {
        long modified = attrs.lastModifiedTime().toMillis();
        long size = attrs.size();
        Stat old = stats.get(file);
        if (old == null) {
            stats.put(file, new Stat(modified, size, generation));
            changed().add(file);
        } else {
            if (old.modified != modified || old.size != size) {
                old.modified = modified;
                old.size = size;
                changed().add(file);
            }
            old.generation = generation;
        }
    }

    private void markSeenUnder(Path root) {
        for (Map.Entry<Path, Stat> e : stats.entrySet()) {
            if (e.getKey().startsWith(root)) {
                e.getValue().generation = generation;
            }
        }
    }

    private Set<Path> changed() {
        if (changed == null) {
            changed = new LinkedHashSet<>();
        }
        return changed;
    }

    private final class Visitor extends SimpleFileVisitor<Path> {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return excludes.excludes(currentRoot, dir, true) ? FileVisitResult.SKIP_SUBTREE
                    : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!attrs.isDirectory() && !excludes.excludes(currentRoot, file, false)) {
                record(file, attrs);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
            // Deleted between listing and stat, or unreadable: the next walk settles it.
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
            return FileVisitResult.CONTINUE;
        }
    }
}
