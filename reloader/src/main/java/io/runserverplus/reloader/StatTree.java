package io.runserverplus.reloader;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The (modification time, size) of every file under some roots, and what changed since the last
 * look. Used by the {@code poll} detector and by {@code watch} for trees it cannot watch.
 *
 * <p>Idle cost matters here (django-extensions #625: 30 % of a core at idle). Measured with 10,000
 * files in 100 directories: {@code walkFileTree} cost ~1.1 µs a file, plus ~0.6-0.9 µs for the
 * exclude globs matched on every file on every walk; one {@code lstat} is ~0.5 µs from C and
 * ~0.6 µs from Java, and it is the floor, because a file written in place changes only its own
 * inode. So the tree is kept between scans: each file is stat'ed by its remembered path, and a
 * directory is listed again (and new entries matched against the excludes) only when its change
 * time or identity moved. The change time (not the modification time, which {@code touch},
 * {@code tar} or {@code rsync -t} can set back) moves whenever an entry is created, deleted or
 * renamed in the directory. A listing is trusted only once it started {@link #SETTLE_NANOS} after
 * that change time was first seen: file systems stamp times with a coarse clock (ext4: the kernel
 * tick; FAT: 2 s), so an entry created just after a listing, in the same tick, would otherwise
 * leave the stamp as it was (git's "racy" index problem). Not thread-safe.
 *
 * <p>What is left is one {@code statx} per file, and at one scan a second the kernel's entries for
 * it are out of the caches again: on the 2-core dev VM a scan of 10,000 files cost ~9 ms from C
 * (~0.9 % of a core), ~12 ms from Java as plain {@code readAttributes} calls, and ~12.5 ms here.
 * Tried and not kept: attributes read relative to an open {@code SecureDirectoryStream} per
 * directory (up to 7 % less for 100 files a directory, more for 10), a flat array layout, and
 * spreading a scan over the interval (more, as every slice is as cold).
 */
final class StatTree {

    /** How long a directory's change time must have been seen before a listing of it is trusted. */
    static final long SETTLE_NANOS = 2_100_000_000L;

    /**
     * What identifies a directory's state, read with one stat: its inode change time and identity
     * where the platform has them (Linux, macOS), else its modification time and file key.
     */
    private static final String STATE = FileSystems.getDefault().supportedFileAttributeViews().contains("unix")
            ? "unix:ctime,dev,ino" : "basic:lastModifiedTime,fileKey";

    private static final class FileStat {
        final Path path;
        long modified;
        long size;

        FileStat(Path path, long modified, long size) {
            this.path = path;
            this.modified = modified;
            this.size = size;
        }
    }

    private static final class Dir {
        final Path path;
        Map<String, Object> state; // see STATE
        long changedSeenAt;        // clock when this state was first seen
        long listedAt;        // clock when the last listing started
        boolean listed;
        FileStat[] files = {};
        Dir[] dirs = {};

        Dir(Path path) {
            this.path = path;
        }
    }

    private final List<Path> roots;
    private final ExcludeMatcher excludes;
    private final LongSupplier clock;
    private final Object[] nodes; // per root: a Dir, a FileStat or null (missing)
    private Set<Path> changed;
    private Path currentRoot;
    private long listings;

    StatTree(List<Path> roots, ExcludeMatcher excludes) {
        this(roots, excludes, System::nanoTime);
    }

    StatTree(List<Path> roots, ExcludeMatcher excludes, LongSupplier clock) {
        this.roots = List.copyOf(roots);
        this.excludes = excludes;
        this.clock = clock;
        this.nodes = new Object[this.roots.size()];
    }

    /** Records the current state without reporting anything. */
    void baseline() {
        scan();
    }

    /** Looks at the roots again; returns the files created, modified or deleted since the last scan. */
    Set<Path> scan() {
        changed = null;
        for (int i = 0; i < nodes.length; i++) {
            currentRoot = roots.get(i);
            nodes[i] = scanRoot(currentRoot, nodes[i]);
        }
        Set<Path> result = changed == null ? Set.of() : changed;
        changed = null;
        return result;
    }

    /** How many directory listings the scans made; a settled, unchanged tree makes none. */
    long listings() {
        return listings;
    }

    int size() {
        int n = 0;
        for (Object node : nodes) {
            n += node instanceof Dir d ? count(d) : node == null ? 0 : 1;
        }
        return n;
    }

    private static int count(Dir dir) {
        int n = dir.files.length;
        for (Dir d : dir.dirs) {
            n += count(d);
        }
        return n;
    }

    private Object scanRoot(Path root, Object node) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(root, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException missing) {
            // A root that does not exist (yet) has no files; its creation shows up as new ones.
            forget(node);
            return null;
        } catch (IOException e) {
            return node; // unreadable now: keep the old entries rather than report a mass deletion
        }
        if (attrs.isDirectory()) {
            Dir dir = node instanceof Dir d ? d : new Dir(root);
            if (!(node instanceof Dir)) {
                forget(node);
            }
            scanDir(dir);
            return dir;
        }
        if (node instanceof FileStat f) {
            update(f, attrs);
            return f;
        }
        forget(node);
        return created(root, attrs);
    }

    /** Stats the directory's known files; lists it again first if its entries may have changed. */
    private void scanDir(Dir dir) {
        long now = clock.getAsLong();
        Map<String, Object> state;
        try {
            state = Files.readAttributes(dir.path, STATE, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            forgetChildren(dir);
            dir.listed = false;
            return;
        } catch (IOException e) {
            return; // unreadable now: keep what we had
        }
        if (!state.equals(dir.state)) {
            dir.state = state;
            dir.changedSeenAt = now;
        }
        boolean trusted = dir.listed && dir.listedAt - dir.changedSeenAt >= SETTLE_NANOS;
        if (!trusted || !statKnownFiles(dir)) {
            list(dir, now);
        }
        for (Dir sub : dir.dirs) {
            scanDir(sub);
        }
    }

    /** Stats each known file; false if one is gone or is no longer a file (then list again). */
    private boolean statKnownFiles(Dir dir) {
        for (FileStat f : dir.files) {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(f.path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException gone) {
                return false;
            } catch (IOException e) {
                continue; // unreadable now: the next scan settles it
            }
            if (attrs.isDirectory()) {
                return false;
            }
            update(f, attrs);
        }
        return true;
    }

    private void list(Dir dir, long now) {
        listings++;
        dir.listedAt = now;
        Map<Path, FileStat> oldFiles = new HashMap<>();
        for (FileStat f : dir.files) {
            oldFiles.put(f.path, f);
        }
        Map<Path, Dir> oldDirs = new HashMap<>();
        for (Dir d : dir.dirs) {
            oldDirs.put(d.path, d);
        }
        var files = new ArrayList<FileStat>();
        var dirs = new ArrayList<Dir>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir.path)) {
            for (Path entry : entries) {
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    continue; // deleted between listing and stat, or unreadable: the next scan settles it
                }
                if (attrs.isDirectory()) {
                    if (!excludes.excludes(currentRoot, entry, true)) {
                        Dir old = oldDirs.remove(entry);
                        dirs.add(old != null ? old : new Dir(entry));
                    }
                } else if (!excludes.excludes(currentRoot, entry, false)) {
                    FileStat old = oldFiles.remove(entry);
                    if (old != null) {
                        update(old, attrs);
                        files.add(old);
                    } else {
                        files.add(created(entry, attrs));
                    }
                }
            }
        } catch (NoSuchFileException | NotDirectoryException gone) {
            // deleted or replaced since its stat: everything under it is gone
        } catch (IOException e) {
            return; // unreadable now: keep the old entries rather than report a mass deletion
        }
        for (FileStat f : oldFiles.values()) {
            changed().add(f.path);
        }
        for (Dir d : oldDirs.values()) {
            forgetChildren(d);
        }
        dir.files = files.toArray(FileStat[]::new);
        dir.dirs = dirs.toArray(Dir[]::new);
        dir.listed = true;
    }

    private FileStat created(Path file, BasicFileAttributes attrs) {
        changed().add(file);
        return new FileStat(file, modified(attrs), attrs.size());
    }

    /**
     * The modification time at the file system's full resolution (nanoseconds on ext4, tmpfs, APFS):
     * a rewrite of the same size within one millisecond still counts, which matters now that Linux
     * (6.13+) stamps a file fine-grained right after someone looked at its time.
     */
    private static long modified(BasicFileAttributes attrs) {
        return attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }

    private void update(FileStat f, BasicFileAttributes attrs) {
        long modified = modified(attrs);
        long size = attrs.size();
        if (f.modified != modified || f.size != size) {
            f.modified = modified;
            f.size = size;
            changed().add(f.path);
        }
    }

    /** Reports every file of a node that is gone. */
    private void forget(Object node) {
        if (node instanceof FileStat f) {
            changed().add(f.path);
        } else if (node instanceof Dir d) {
            forgetChildren(d);
        }
    }

    private void forgetChildren(Dir dir) {
        for (FileStat f : dir.files) {
            changed().add(f.path);
        }
        for (Dir d : dir.dirs) {
            forgetChildren(d);
        }
        dir.files = new FileStat[0];
        dir.dirs = new Dir[0];
    }

    private Set<Path> changed() {
        if (changed == null) {
            changed = new LinkedHashSet<>();
        }
        return changed;
    }
}
