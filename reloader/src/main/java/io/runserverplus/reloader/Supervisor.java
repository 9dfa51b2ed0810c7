package io.runserverplus.reloader;

import io.runserverplus.spi.ChangeDetector;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the app in a child JVM and restarts it when a watched file changes, as Werkzeug's reloader.
 *
 * <ul>
 *   <li>The child is {@code java} from this {@code java.home} with this class path, main class and
 *       arguments, the forwardable options of this JVM (see {@link ChildCommand}), the extra JVM
 *       options, {@code -XX:-OmitStackTraceInFastThrow}, and {@value #CHILD_ENV}{@code =1} in its
 *       environment. Its output goes to ours; its last lines are kept for the failure page.</li>
 *   <li>A changed {@code .java} file in the source root of a watched class directory is compiled
 *       first, and a changed resource copied ({@link SourceChanges}); a compile error stops the
 *       child and shows the errors on the app's port ({@link SupervisorPage}) until a save fixes it.</li>
 *   <li>A burst of changes restarts it once ({@link Debouncer}). Restart: SIGTERM so shutdown hooks
 *       run, a kill after the stop timeout, then a new child.</li>
 *   <li>Exit status {@value #RESTART_EXIT_CODE} means "restart me". A child that dies (any other
 *       exit, a crash, a kill) after serving for the crash window is restarted at once. One that
 *       dies before it serves or soon after, or cannot start, leaves the supervisor running: it
 *       prints why, serves a plain-text failure page on the app's port (the app's last output for
 *       trusted hosts only, a bare 503 for others), and starts the app again on the next change,
 *       so a crash loop cannot spin.</li>
 *   <li>Once a child has started, the next one waits as a standby JVM ({@link StandbyChild}); a
 *       restart sends it "go", and starts a JVM only when there is none or it is unusable.</li>
 *   <li>{@link #stop()}, Ctrl+C or SIGTERM stop the child and the standby too; a child that calls
 *       {@link ParentWatch#install()}, and every standby, exits by itself if the supervisor is killed.</li>
 * </ul>
 */
public final class Supervisor {

    /** Set to {@code 1} in the child's environment. */
    public static final String CHILD_ENV = io.runserverplus.spi.ReloaderProvider.CHILD_ENV;
    /** How many children this supervisor started before this one (0 for the first), for --startup-messages. */
    public static final String START_ENV = io.runserverplus.spi.ReloaderProvider.START_ENV;
    /** The supervisor's pid, in the child's environment, for {@link ParentWatch}. */
    public static final String SUPERVISOR_PID_ENV = "RUNSERVERPLUS_SUPERVISOR_PID";
    /** A file the child creates once it serves (see {@link #markServing()}). */
    public static final String SERVING_FILE_ENV = io.runserverplus.spi.ReloaderProvider.SERVING_FILE_ENV;
    /** Names {@link StaticChanges}'s file in the child's environment. */
    public static final String STATIC_CHANGES_ENV = io.runserverplus.spi.ReloaderProvider.STATIC_CHANGES_ENV;
    /** The exit status with which a child asks to be restarted. */
    public static final int RESTART_EXIT_CODE = 3;
    /** A JVM's exit status after SIGINT. */
    private static final int INTERRUPTED = 128 + 2;

    private sealed interface Event {}

    private record Changed(Set<Path> paths) implements Event {}

    private record Exited(ChildProcess child, int status, Instant at) implements Event {}

    private record Stop() implements Event {}

    /** The child's start is over (its class list stopped growing): time to start the next one. */
    private record PrepareStandby(ChildProcess child, Path classList, int index) implements Event {}

    private final SupervisorSettings settings;
    private final List<String> command;
    private final ChildEnvironment environment;
    private final OutputTail tail;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile ChildProcess child;
    private final DownPages downPages;
    /** Where the app serves: named by a setting, or chosen by the first child. */
    private final AppAddress address;
    /** What {@link #run()} leaves for the supervisor's JVM to exit with. */
    private volatile int exitStatus;
    /** In a directory of this supervisor's own; null when it could not be made (then no death restarts at once). */
    private Path servingFile;
    private String detectorName;
    private StandbyChild standbys;
    /** Null without --hotswap. */
    private final HotSwap hotSwap;
    /** Null when there is nothing to compile on change. */
    private SourceChanges sourceChanges;

    Supervisor(SupervisorSettings settings) {
        this.settings = settings;
        this.address = new AppAddress(settings.host(), settings.port());
        this.command = ChildCommand.build(settings.javaHome(), settings.classPath(), settings.parentOptions(),
                settings.jvmOptions(), settings.mainClass(), settings.args());
        this.hotSwap = HotSwap.forChildren(settings);
        this.environment = new ChildEnvironment(settings.environment(), hotSwap);
        // The variables a user of the supervisor adds (core's cookie key) are secrets; ours are not.
        this.tail = new OutputTail(200, settings.environment().values());
        this.downPages = new DownPages(settings, tail);
    }

    public static SupervisorBuilder builder() {
        return new SupervisorBuilder();
    }

    /**
     * In a child: says that the app serves now, so that if it dies after serving for the crash
     * window it is restarted at once (core calls this once its server listens).
     */
    public static void markServing() {
        String file = isChild() ? System.getenv(SERVING_FILE_ENV) : null;
        if (file != null && !file.isBlank()) {
            try {
                java.nio.file.Files.writeString(Path.of(file), Long.toString(ProcessHandle.current().pid()));
            } catch (IOException e) {
                // then a death of this JVM waits for a change, as if it had never served
            }
        }
    }

    /** Whether this JVM is a child started by a supervisor. */
    public static boolean isChild() {
        return "1".equals(System.getenv(CHILD_ENV));
    }

    /**
     * The status for this JVM's exit once {@link #run()} returned: 0, or the first child's when it
     * stopped before it chose where to serve (the app's own port in use, say), so nothing would
     * come of restarting it.
     */
    public int exitStatus() {
        return exitStatus;
    }

    /** The command line the child is started with. */
    public List<String> command() {
        return command;
    }

    /** The running child, if any. */
    public Optional<ProcessHandle> child() {
        ChildProcess c = child;
        return c == null ? Optional.empty() : Optional.of(c.process().toHandle());
    }

    /**
     * Starts the child and supervises it until {@link #stop()} is called or this JVM shuts down.
     * Blocks; may be called once.
     */
    public void run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("This supervisor has already run; build a new one.");
        }
        if (isChild()) {
            throw new ReloaderException("The supervisor cannot run inside the app's child JVM ("
                    + CHILD_ENV + "=1); start the app directly there.");
        }
        Thread hook = Thread.ofPlatform().unstarted(this::close);
        Runtime.getRuntime().addShutdownHook(hook);
        var debouncer = new Debouncer(settings.effectiveQuietPeriod(), settings::loneChangeQuietPeriod, settings.maxDelay(),
                paths -> events.add(new Changed(paths))).start();
        sourceChanges = SourceChanges.open(settings);
        ChangeDetector detector = settings.detector().create(SourceChanges.watchedWith(settings.watch(), sourceChanges), debouncer);
        detectorName = detector.name();
        if (settings.standby()) {
            standbys = StandbyChild.open(settings.javaHome(), settings.classPath());
        }
        servingFile = ServingFile.create(settings.err());
        try {
            detector.start();
            startChild();
            if (sourceChanges != null && standbys == null) {
                sourceChanges.warmUp();
            }
            while (true) {
                Event event = events.take();
                if (event instanceof Stop) {
                    break;
                } else if (event instanceof Changed changed) {
                    changed(changed.paths());
                } else if (event instanceof PrepareStandby p && p.child() == child && !stopping) {
                    prepareStandby(p);
                } else if (event instanceof Exited exited && exited.child() == child && !stopping) {
                    child = null;
                    childExited(exited);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopping = true;
            if (standbys != null) {
                standbys.close();
            }
            stopChild();
            downPages.close();
            if (sourceChanges != null) {
                sourceChanges.close();
            }
            StaticChanges.delete(servingFile);
            ServingFile.delete(servingFile);
            if (hotSwap != null) {
                hotSwap.close();
            }
            detector.close();
            debouncer.close();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is what stopped us
            }
        }
    }

    /** Asks {@link #run()} to stop the child and return; does not wait. */
    public void stop() {
        stopping = true;
        events.add(new Stop());
    }

    /** Stops and waits until the child is gone (up to the stop timeout plus a margin). */
    public void close() {
        stop();
        if (started.get()) {
            try {
                finished.await(settings.stopTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Compiles and copies what changed in the source directories, then reloads once, or shows the
     * compile errors on the app's port until a save fixes them. The old app is stopped on a
     * compile error rather than kept serving: every request then says that the code saved last
     * does not compile, instead of answering with code that is no longer in the editor.
     */
    private void changed(Set<Path> paths) {
        SourceChanges.Outcome outcome = sourceChanges == null
                ? new SourceChanges.Outcome(paths, List.of(), false, List.of(), paths.iterator().next())
                : sourceChanges.apply(paths);
        Path first = outcome.cause();
        outcome.notes().forEach(settings.out()::println);
        if (!outcome.errors().isEmpty()) {
            settings.out().println(" * Detected change in '" + first + "', which does not compile:");
            outcome.errors().forEach(error -> settings.err().print(error.forTerminal()));
            stopChild();
            showPage(new SupervisorPage.CompileErrors(outcome.errors()));
            releaseMemory();
            return;
        }
        Set<Path> reload = outcome.reload();
        boolean down = child == null;
        if (reload.isEmpty() && !(down && outcome.compiled())) {
            return; // our own writes seen again, or a compile that changed no class file
        }
        if (!down && settings.staticFiles().allStatic(reload, settings.watch().roots())) {
            // The running app reads these from its class path's directories as they are now.
            settings.out().println(" * Detected change in '" + first + "', served as it is now, without a restart");
            StaticChanges.count(servingFile); // tells the app's live-reload stream, which tells the browser
            return;
        }
        // A stopped app (a compile error, a crash) just starts: there is nothing to swap into.
        String whyNotSwapped = hotSwap == null || down ? null
                : hotSwap.swapChanged(child.process().pid(), reload, settings, servingFile);
        if (hotSwap != null && !down && whyNotSwapped == null) {
            return;
        }
        settings.out().println(" * Detected change in '" + first + "', reloading"
                + (whyNotSwapped == null ? "" : " (no hot swap: " + whyNotSwapped + ")"));
        stopChild();
        startChild(); // javac's garbage is collected by HeapTrim once the app has started, not while it starts
    }

    private int starts;

    private void startChild() {
        downPages.close();
        if (stopping) {
            return;
        }
        tail.clear();
        address.learnFrom(servingFile);
        ServingFile.reset(servingFile);
        settings.out().println(" * Restarting with " + detectorName);
        int index = starts++;
        try {
            StandbyChild.Standby standby = standbys == null ? null : standbys.take();
            ChildProcess started;
            Path classList = null;
            if (standby != null) {
                started = standby.process();
                classList = standby.classList();
            } else {
                List<String> cold = command;
                if (standbys != null) {
                    classList = standbys.newClassList();
                    cold = childCommand(List.of(StandbyChild.classListOption(classList)), settings.mainClass(), settings.args());
                }
                started = ChildProcess.start(cold, environment(index), tail, settings.out(), settings.err());
                // A new JVM boots for a while before it needs both cores; the first start's garbage
                // (argument parsing, class loading) is the most this JVM will ever hold.
                releaseMemory();
            }
            child = started;
            started.process().onExit().thenAccept(p -> events.add(new Exited(started, p.exitValue(), Instant.now())));
            if (standbys != null) {
                standbys.deleteListsExcept(classList);
                int next = index + 1;
                Path list = classList;
                StandbyChild.afterStartOf(classList, () -> child == started,
                        () -> events.add(new PrepareStandby(started, list, next)));
            }
        } catch (IOException e) {
            showFailure("The app could not be started: " + e.getMessage() + ".");
        }
    }

    private Map<String, String> environment(int index) {
        return environment.forStart(index, address.forChild(), servingFile);
    }

    private List<String> childCommand(List<String> moreOptions, String mainClass, List<String> args) {
        var options = new java.util.ArrayList<>(settings.jvmOptions());
        options.addAll(moreOptions);
        return ChildCommand.build(settings.javaHome(), settings.classPath(), settings.parentOptions(), options,
                mainClass, args);
    }

    private void prepareStandby(PrepareStandby p) {
        if (sourceChanges != null && p.index() == 1) {
            // The first child has started: javac loads while the standby starts and the app idles.
            sourceChanges.warmUp();
        }
        releaseMemory(); // the child has started and the standby has not: nothing else runs
        address.learnFrom(servingFile);
        Path classList = standbys.newClassList();
        List<String> launcher = childCommand(List.of(StandbyChild.classListOption(classList)),
                StandbyLauncher.class.getName(), StandbyChild.launcherArgs(p.classList(), settings.mainClass(), settings.args()));
        try {
            standbys.prepare(launcher, classList, environment(p.index()), tail, settings.out(), settings.err());
        } catch (IOException e) {
            settings.err().println(" * Cannot start a standby JVM (reloads start the app cold): " + e.getMessage());
        }
    }

    /**
     * Collects the garbage and gives the emptied heap back to the OS while nothing is going on.
     * The supervisor lives as long as the user's session and holds little (a few MB), but its
     * young generation is sized from the machine's memory, and the pages a start and each reload
     * touched would stay resident until a collection the supervisor's trickle of allocations
     * rarely triggers. A full collection compacts what is live, and the collector then uncommits
     * the free regions (G1 after a full collection keeps at most {@code MaxHeapFreeRatio} of the
     * heap free): ~15 MB, a fifth of the supervisor's resident memory; the C heap is trimmed too
     * ({@link HeapTrim#releaseInBackground()}). About 15 ms of one core, at moments when a JVM is
     * booting or the app is idle. A user's {@code -XX:+DisableExplicitGC} turns the collection off.
     */
    private static void releaseMemory() {
        HeapTrim.releaseInBackground();
    }

    private void stopChild() {
        address.learnFrom(servingFile); // while its file still speaks of it
        ChildProcess c = child;
        child = null;
        if (c != null) {
            c.stop(settings.stopTimeout(), servingFile == null ? null
                    : servingFile.resolveSibling(io.runserverplus.spi.ReloaderProvider.HOOKS_DONE_PREFIX + c.pid()));
        }
    }

    /**
     * Status 3 asks for a restart. A child that served for a while and then died (it exited,
     * crashed or was killed) is restarted at once, as a developer expects of a server that is
     * "running"; one that dies before it serves, or within {@link SupervisorBuilder#crashWindow(Duration)
     * the crash window} of serving, would only die again, so it waits for a change, with the
     * failure page up meanwhile. Whether and since when it serves is what it wrote in
     * {@link #SERVING_FILE_ENV}: no clock of ours can tell a slow start from a crash.
     */
    private void childExited(Exited exited) {
        if (exited.status() == RESTART_EXIT_CODE) {
            startChild();
            return;
        }
        exited.child().awaitOutput();
        String status = "The app exited with status " + describe(exited.status());
        if (exited.status() == INTERRUPTED) {
            // Ctrl+C in the terminal reaches the whole process group: this JVM is stopping too (its
            // shutdown hook may not have said so yet) and must not start a JVM on its way out.
            showFailure(status + ".");
            return;
        }
        Optional<Instant> serving = ServingFile.since(servingFile);
        address.learnFrom(servingFile);
        if (serving.isEmpty() && !address.hostKnown()) {
            // It said why (its own port in use, say); where no page can be served, a change would
            // only start it again to say the same.
            settings.err().println(" * " + status + " before it chose where to serve, so the reloader stops too.");
            exitStatus = exited.status();
            stop();
            return;
        }
        if (serving.isPresent() && !exited.at().isBefore(serving.get().plus(settings.crashWindow()))) {
            settings.err().println(" * " + status + "; restarting it.");
            startChild();
            return;
        }
        String crashed = status + (serving.isEmpty() ? " before it served"
                : " within " + describe(settings.crashWindow()) + " of serving");
        showFailure(crashed + ", so it is not restarted until a watched file changes.", crashed + ".");
    }

    private void showFailure(String reason) {
        showFailure(reason + " Waiting for a change to restart it.", reason);
    }

    /** One line on the terminal; on the app's port, the reason and the app's last output (see {@link DownPages}). */
    private void showFailure(String terminalLine, String reason) {
        address.learnFrom(servingFile);
        downPages.appDown(terminalLine, reason, address);
    }

    private void showPage(SupervisorPage page) {
        address.learnFrom(servingFile);
        downPages.show(page, address);
    }

    private static String describe(Duration window) {
        long millis = window.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String describe(int status) {
        return status > 128 && status < 160 ? status + " (killed by signal " + (status - 128) + ")"
                : Integer.toString(status);
    }
}
