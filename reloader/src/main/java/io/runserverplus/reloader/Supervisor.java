package io.runserverplus.reloader;

import io.runserverplus.spi.ChangeDetector;
import io.runserverplus.spi.ChangeDetectorProvider;
import io.runserverplus.spi.WatchRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 *   <li>A burst of changes restarts it once ({@link Debouncer}). Restart: SIGTERM so shutdown hooks
 *       run, a kill after the stop timeout, then a new child.</li>
 *   <li>Exit status {@value #RESTART_EXIT_CODE} means "restart me". Any other exit, a failure to
 *       start, or a kill leaves the supervisor running: it prints why, serves a plain-text failure
 *       page with the app's last output on the app's port, and starts the app again on the next
 *       change (a killed app is not restarted at once, so a crash loop cannot spin).</li>
 *   <li>Once a child has started, the next one waits as a standby JVM ({@link Standbys}); a
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
    /** The exit status with which a child asks to be restarted. */
    public static final int RESTART_EXIT_CODE = 3;

    private sealed interface Event {}

    private record Changed(Set<Path> paths) implements Event {}

    private record Exited(ChildProcess child, int status) implements Event {}

    private record Stop() implements Event {}

    /** The child's start is over (its class list stopped growing): time to start the next one. */
    private record PrepareStandby(ChildProcess child, Path classList, int index) implements Event {}

    private final Builder settings;
    private final List<String> command;
    private final Map<String, String> environment;
    private final OutputTail tail = new OutputTail(200);
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile ChildProcess child;
    private FailurePage failurePage;
    private String detectorName;
    private Standbys standbys;

    private Supervisor(Builder b) {
        this.settings = b;
        this.command = ChildCommand.build(b.javaHome, b.classPath, b.parentOptions, b.jvmOptions,
                b.mainClass, b.args);
        var env = new HashMap<>(b.environment);
        env.put(CHILD_ENV, "1");
        env.put(SUPERVISOR_PID_ENV, Long.toString(ProcessHandle.current().pid()));
        this.environment = Map.copyOf(env);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether this JVM is a child started by a supervisor. */
    public static boolean isChild() {
        return "1".equals(System.getenv(CHILD_ENV));
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
        var debouncer = new Debouncer(quietPeriodFor(settings.detector, settings), settings.maxDelay,
                paths -> events.add(new Changed(paths))).start();
        ChangeDetector detector = settings.detector.create(settings.watch, debouncer);
        detectorName = detector.name();
        if (settings.standby) {
            standbys = Standbys.open(settings.javaHome, settings.classPath);
        }
        try {
            detector.start();
            startChild();
            while (true) {
                Event event = events.take();
                if (event instanceof Stop) {
                    break;
                } else if (event instanceof Changed changed) {
                    settings.out.println(" * Detected change in '" + changed.paths().iterator().next()
                            + "', reloading");
                    stopChild();
                    startChild();
                } else if (event instanceof PrepareStandby p && p.child() == child && !stopping) {
                    prepareStandby(p);
                } else if (event instanceof Exited exited && exited.child() == child && !stopping) {
                    child = null;
                    if (exited.status() == RESTART_EXIT_CODE) {
                        startChild();
                    } else {
                        exited.child().awaitOutput();
                        showFailure("The app exited with status " + describe(exited.status()) + ".");
                    }
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
            closeFailurePage();
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
                finished.await(settings.stopTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A polling detector sees a burst only at its ticks, so "the writes have settled" can only be
     * known one tick later: its quiet period is at least the poll interval (plus a margin), else a
     * build that spans two ticks would restart the app twice.
     */
    static Duration quietPeriodFor(ChangeDetectorProvider detector, Builder settings) {
        if (!PollDetectorProvider.NAME.equals(detector.name())) {
            return settings.quietPeriod;
        }
        Duration tick = settings.watch.pollInterval().plusMillis(50);
        return tick.compareTo(settings.quietPeriod) > 0 ? tick : settings.quietPeriod;
    }

    private int starts;

    private void startChild() {
        closeFailurePage();
        if (stopping) {
            return;
        }
        tail.clear();
        settings.out.println(" * Restarting with " + detectorName);
        int index = starts++;
        try {
            Standbys.Standby standby = standbys == null ? null : standbys.take();
            ChildProcess started;
            Path classList = null;
            if (standby != null) {
                started = standby.process();
                classList = standby.classList();
            } else {
                List<String> cold = command;
                if (standbys != null) {
                    classList = standbys.newClassList();
                    cold = childCommand(List.of(Standbys.classListOption(classList)), settings.mainClass, settings.args);
                }
                started = ChildProcess.start(cold, environment(index), tail, settings.out, settings.err);
            }
            child = started;
            started.process().onExit().thenAccept(p -> events.add(new Exited(started, p.exitValue())));
            if (standbys != null) {
                standbys.deleteListsExcept(classList);
                awaitStartThenPrepare(started, classList, index + 1);
            }
        } catch (IOException e) {
            showFailure("The app could not be started: " + e.getMessage() + ".");
        }
    }

    private Map<String, String> environment(int index) {
        Map<String, String> childEnvironment = new HashMap<>(environment);
        childEnvironment.put(START_ENV, Integer.toString(index));
        return childEnvironment;
    }

    private List<String> childCommand(List<String> moreOptions, String mainClass, List<String> args) {
        var options = new java.util.ArrayList<>(settings.jvmOptions);
        options.addAll(moreOptions);
        return ChildCommand.build(settings.javaHome, settings.classPath, settings.parentOptions, options,
                mainClass, args);
    }

    /**
     * Asks for the next standby once the child's class list has stopped growing for a moment: by
     * then the child has started, so the standby neither slows its start (both would compete for
     * the cores) nor misses the classes it loaded.
     */
    private void awaitStartThenPrepare(ChildProcess started, Path classList, int index) {
        Thread.ofVirtual().name("runserverplus-standby-wait").start(() -> {
            long last = -1;
            int quiet = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            try {
                while (quiet < STANDBY_QUIET_CHECKS && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                    if (child != started) {
                        return;
                    }
                    long size = java.nio.file.Files.exists(classList) ? java.nio.file.Files.size(classList) : -1;
                    quiet = size == last && size > 0 ? quiet + 1 : 0;
                    last = size;
                }
            } catch (InterruptedException | IOException e) {
                return;
            }
            events.add(new PrepareStandby(started, classList, index));
        });
    }

    /** How many checks 100 ms apart find the child's class list unchanged before the standby starts. */
    private static final int STANDBY_QUIET_CHECKS = 3;

    private void prepareStandby(PrepareStandby p) {
        Path classList = standbys.newClassList();
        List<String> launcher = childCommand(List.of(Standbys.classListOption(classList)),
                StandbyLauncher.class.getName(), Standbys.launcherArgs(p.classList(), settings.mainClass, settings.args));
        try {
            standbys.prepare(launcher, classList, environment(p.index()), tail, settings.out, settings.err);
        } catch (IOException e) {
            settings.err.println(" * Cannot start a standby JVM (reloads start the app cold): " + e.getMessage());
        }
    }

    private void stopChild() {
        ChildProcess c = child;
        child = null;
        if (c != null) {
            c.stop(settings.stopTimeout);
        }
    }

    private void showFailure(String reason) {
        settings.err.println(" * " + reason + " Waiting for a change to restart it.");
        if (settings.port <= 0) {
            return;
        }
        var text = new StringBuilder()
                .append("RunServerPlus: the app is not running.\n\n")
                .append(reason).append('\n')
                .append("It restarts when a watched file changes.\n\n")
                .append("Command: ").append(String.join(" ", command)).append("\n\n")
                .append("Last output of the app:\n\n");
        for (String line : tail.lines()) {
            text.append(line).append('\n');
        }
        try {
            failurePage = FailurePage.open(new InetSocketAddress(settings.host, settings.port), text.toString());
        } catch (IOException e) {
            settings.err.println(" * Cannot show the failure page on port " + settings.port + ": " + e.getMessage());
        }
    }

    private void closeFailurePage() {
        if (failurePage != null) {
            failurePage.close();
            failurePage = null;
        }
    }

    private static String describe(int status) {
        return status > 128 && status < 160 ? status + " (killed by signal " + (status - 128) + ")"
                : Integer.toString(status);
    }

    /** Settings of a {@link Supervisor}; only {@link #mainClass(String)} is required. */
    public static final class Builder {
        private String mainClass;
        private List<String> args = List.of();
        private List<String> jvmOptions = List.of();
        private List<String> parentOptions;
        private Map<String, String> environment = Map.of();
        private int port;
        private String host = "127.0.0.1";
        private ChangeDetectorProvider detector;
        private WatchRequest watch;
        private Path javaHome = Path.of(System.getProperty("java.home"));
        private String classPath = System.getProperty("java.class.path", "");
        private Duration quietPeriod = Debouncer.DEFAULT_QUIET;
        private Duration maxDelay = Debouncer.DEFAULT_MAX_DELAY;
        private Duration stopTimeout = Duration.ofSeconds(5);
        private PrintStream out = System.out;
        private PrintStream err = System.err;
        private boolean standby = !"false".equals(System.getProperty("runserverplus.standby"));

        private Builder() {
        }

        /** The class whose {@code main} the child runs. */
        public Builder mainClass(String mainClass) {
            this.mainClass = requireText(mainClass, "main class");
            return this;
        }

        public Builder mainClass(Class<?> mainClass) {
            return mainClass(mainClass.getName());
        }

        public Builder args(List<String> args) {
            this.args = List.copyOf(args);
            return this;
        }

        /** Extra options for the child JVM, such as the console's {@code -javaagent}. */
        public Builder jvmOptions(List<String> jvmOptions) {
            this.jvmOptions = List.copyOf(jvmOptions);
            return this;
        }

        /** This JVM's options to forward from; defaults to the runtime's input arguments. */
        public Builder parentOptions(List<String> parentOptions) {
            this.parentOptions = List.copyOf(parentOptions);
            return this;
        }

        /** Extra environment variables for the child. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** The app's port, where the failure page is served while the app is down; 0 for none. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new ReloaderException("The port must be between 0 and 65535, but was " + port + ".");
            }
            this.port = port;
            return this;
        }

        /** The address the failure page binds to; defaults to {@code 127.0.0.1}. */
        public Builder host(String host) {
            this.host = requireText(host, "host");
            return this;
        }

        /** The change detector type; defaults to {@link ChangeDetectors#select(String) auto}. */
        public Builder detector(ChangeDetectorProvider detector) {
            this.detector = Objects.requireNonNull(detector, "detector");
            return this;
        }

        /** Shorthand for {@code detector(ChangeDetectors.select(type))}. */
        public Builder reloaderType(String type) {
            return detector(ChangeDetectors.select(type));
        }

        /** What to watch; defaults to the class path's directories. */
        public Builder watch(WatchRequest watch) {
            this.watch = Objects.requireNonNull(watch, "watch");
            return this;
        }

        public Builder javaHome(Path javaHome) {
            this.javaHome = Objects.requireNonNull(javaHome, "javaHome");
            return this;
        }

        /** The child's class path; defaults to this JVM's {@code java.class.path}. */
        public Builder classPath(String classPath) {
            this.classPath = Objects.requireNonNull(classPath, "classPath");
            return this;
        }

        /** How long changes must pause before a restart; default 120 ms. */
        public Builder quietPeriod(Duration quietPeriod) {
            this.quietPeriod = Objects.requireNonNull(quietPeriod, "quietPeriod");
            return this;
        }

        /** The longest a restart waits for changes to pause; default 2 s. */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
            return this;
        }

        /** How long a child gets to stop after SIGTERM before it is killed; default 5 s. */
        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
            return this;
        }

        /** Where the supervisor's messages and the child's stdout go; default {@code System.out}. */
        public Builder out(PrintStream out) {
            this.out = Objects.requireNonNull(out, "out");
            return this;
        }

        /** Where warnings and the child's stderr go; default {@code System.err}. */
        public Builder err(PrintStream err) {
            this.err = Objects.requireNonNull(err, "err");
            return this;
        }

        /**
         * Whether to keep the next child JVM started and its libraries loaded while the app runs
         * (one more idle JVM), so that a reload skips most of the JVM's start; default true, or
         * {@code -Drunserverplus.standby=false}.
         */
        public Builder standby(boolean standby) {
            this.standby = standby;
            return this;
        }

        public Supervisor build() {
            if (mainClass == null) {
                throw new ReloaderException("The supervisor needs the app's main class; call mainClass(...).");
            }
            if (maxDelay.compareTo(quietPeriod) < 0) {
                throw new ReloaderException("The maximum delay " + maxDelay
                        + " cannot be shorter than the quiet period " + quietPeriod + ".");
            }
            Builder b = copy();
            if (b.detector == null) {
                b.detector = ChangeDetectors.select(ChangeDetectors.AUTO);
            }
            if (b.watch == null) {
                b.watch = WatchRequest.ofClassPath(List.of(), List.of(), WatchRequest.DEFAULT_POLL_INTERVAL);
            }
            if (b.parentOptions == null) {
                b.parentOptions = List.copyOf(ManagementFactory.getRuntimeMXBean().getInputArguments());
            }
            return new Supervisor(b);
        }

        /** A built supervisor keeps its own settings, whatever happens to this builder later. */
        private Builder copy() {
            var b = new Builder();
            b.mainClass = mainClass;
            b.args = args;
            b.jvmOptions = jvmOptions;
            b.parentOptions = parentOptions;
            b.environment = environment;
            b.port = port;
            b.host = host;
            b.detector = detector;
            b.watch = watch;
            b.javaHome = javaHome;
            b.classPath = classPath;
            b.quietPeriod = quietPeriod;
            b.maxDelay = maxDelay;
            b.stopTimeout = stopTimeout;
            b.out = out;
            b.err = err;
            b.standby = standby;
            return b;
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new ReloaderException("The " + what + " must not be empty.");
            }
            return value.strip();
        }
    }
}
