package io.runserverplus.reloader;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import io.runserverplus.spi.ChangeDetector;
import io.runserverplus.spi.WatchRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@code watch} detector: the JDK {@link WatchService} (inotify on Linux), registered on every
 * directory of each root because inotify is not recursive. Its thread blocks in {@link
 * WatchService#take()}, so an idle app costs no CPU.
 *
 * <p>Directories created later are registered when their creation event arrives, and the files
 * already in them are reported (they may have been written before the registration). An {@code
 * OVERFLOW} re-walks the root to register what was missed and reports the directory. When the OS
 * refuses a watch (inotify's per-user limit, or out of descriptors) the tree being registered falls
 * back to polling with one warning, instead of silently missing edits (frappe #41147).
 */
final class WatchChangeDetector implements ChangeDetector {

    /** Registers one directory; a seam so tests can simulate the inotify limit. */
    @FunctionalInterface
    interface Registrar {
        WatchKey register(Path dir, WatchService service) throws IOException;
    }

    static final Registrar JDK_REGISTRAR =
            (dir, service) -> dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);

    private final List<Path> roots;
    private final ExcludeMatcher excludes;
    private final long pollNanos;
    private final Listener listener;
    private final Registrar registrar;
    private final PrintStream err;

    /** Registered directory → the root it belongs to (for excludes and fallback). */
    private final Map<Path, Path> treeDirs = new ConcurrentHashMap<>();
    /** Directory → the single-file roots in it that are watched. */
    private final Map<Path, Set<Path>> singleFiles = new ConcurrentHashMap<>();
    private final Set<Path> polledRoots = ConcurrentHashMap.newKeySet();
    private final List<StatTree> polledTrees = new CopyOnWriteArrayList<>();
    private final AtomicBoolean warned = new AtomicBoolean();

    private volatile boolean closed;
    private WatchService service;
    private Thread watchThread;
    private Thread pollThread;

    WatchChangeDetector(WatchRequest request, Listener listener, Registrar registrar, PrintStream err) {
        this.roots = request.roots();
        this.excludes = ExcludeMatcher.of(request.excludes());
        this.pollNanos = request.pollInterval().toNanos();
        this.listener = listener;
        this.registrar = registrar;
        this.err = err;
    }

    @Override
    public String name() {
        return WatchDetectorProvider.NAME;
    }

    @Override
    public synchronized void start() {
        if (watchThread != null || closed) {
            return;
        }
        try {
            service = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            if (!isOutOfWatches(e)) {
                throw new UncheckedIOException("Cannot create a file watch service", e);
            }
            for (Path root : roots) {
                pollInstead(root, e);
            }
            return;
        }
        for (Path root : roots) {
            if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                registerTree(root, root, null);
            } else if (root.getParent() != null && Files.isDirectory(root.getParent())) {
                singleFiles.computeIfAbsent(root.getParent(), d -> ConcurrentHashMap.newKeySet()).add(root);
                register(root.getParent(), root);
            } else {
                // Nothing to put a watch on yet (say target/classes before the first build): poll it.
                pollInstead(root, null);
            }
        }
        watchThread = Thread.ofPlatform().daemon().name("runserverplus-watch").start(this::watchLoop);
    }

    private void watchLoop() {
        try {
            while (!closed) {
                WatchKey key = service.take();
                Set<Path> changed = new LinkedHashSet<>();
                // Take every key that is ready, so one burst across directories makes one batch.
                for (; key != null; key = service.poll()) {
                    handle(key, changed);
                }
                if (!changed.isEmpty() && !closed) {
                    Listeners.deliver(listener, changed);
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed
        }
    }

    private void handle(WatchKey key, Set<Path> changed) {
        Path dir = (Path) key.watchable();
        Path root = treeDirs.get(dir);
        Set<Path> files = singleFiles.get(dir);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                if (root != null) {
                    registerTree(root, root, null);
                }
                changed.add(dir);
                continue;
            }
            Path child = dir.resolve((Path) event.context());
            if (files != null && files.contains(child)) {
                changed.add(child);
            }
            if (root == null) {
                continue;
            }
            boolean directory = event.kind() != ENTRY_DELETE
                    && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
            if (excludes.excludes(root, child, directory)) {
                continue;
            }
            if (directory) {
                if (event.kind() == ENTRY_CREATE) {
                    registerTree(root, child, changed);
                }
                // A modified directory only means its own attributes changed; its files report themselves.
            } else {
                changed.add(child);
            }
        }
        if (!key.reset()) {
            treeDirs.remove(dir);
            singleFiles.remove(dir);
        }
    }

    /** Registers {@code start} and the directories under it; adds the files found to {@code found}. */
    private void registerTree(Path root, Path start, Set<Path> found) {
        if (polledRoots.contains(root)) {
            return;
        }
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (excludes.excludes(root, dir, true)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (!treeDirs.containsKey(dir)) {
                        if (!register(dir, root)) {
                            return FileVisitResult.TERMINATE;
                        }
                        treeDirs.put(dir, root);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (found != null && !attrs.isDirectory() && !excludes.excludes(root, file, false)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // The directory went away while we walked it; its deletion event says so.
        }
    }

    /** Returns false when the OS is out of watches and {@code root} now gets polled instead. */
    private boolean register(Path dir, Path root) {
        try {
            registrar.register(dir, service);
            return true;
        } catch (IOException e) {
            if (isOutOfWatches(e)) {
                pollInstead(root, e);
                return false;
            }
            return true; // vanished or unreadable: nothing to watch there
        } catch (ClosedWatchServiceException e) {
            return false;
        }
    }

    static boolean isOutOfWatches(IOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("inotify") || message.contains("too many open files");
    }

    private void pollInstead(Path root, IOException cause) {
        if (!polledRoots.add(root)) {
            return;
        }
        if (cause != null && warned.compareAndSet(false, true)) {
            err.println(" * Warning: the OS refused another file watch (" + cause.getMessage() + "), so '"
                    + root + "' is polled every " + pollNanos / 1_000_000 + " ms instead."
                    + " On Linux, raise the limit to watch it with events:"
                    + " sudo sysctl fs.inotify.max_user_watches=524288");
        }
        var tree = new StatTree(List.of(root), excludes);
        tree.baseline();
        polledTrees.add(tree);
        synchronized (this) {
            if (pollThread == null && !closed) {
                pollThread = Thread.ofPlatform().daemon().name("runserverplus-watch-fallback")
                        .start(this::pollLoop);
            }
        }
    }

    private void pollLoop() {
        while (!closed) {
            LockSupport.parkNanos(pollNanos);
            Set<Path> changed = new LinkedHashSet<>();
            for (StatTree tree : polledTrees) {
                synchronized (tree) {
                    changed.addAll(tree.scan());
                }
            }
            if (!changed.isEmpty() && !closed) {
                Listeners.deliver(listener, changed);
            }
        }
    }

    /** Which roots are polled because they could not be watched; for tests and diagnostics. */
    Set<Path> polledRoots() {
        return Set.copyOf(polledRoots);
    }

    @Override
    public void close() {
        closed = true;
        Thread watch;
        Thread poll;
        synchronized (this) {
            watch = watchThread;
            poll = pollThread;
            if (service != null) {
                try {
                    service.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
        for (Thread t : new Thread[] {watch, poll}) {
            if (t != null) {
                LockSupport.unpark(t);
                try {
                    t.join(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
