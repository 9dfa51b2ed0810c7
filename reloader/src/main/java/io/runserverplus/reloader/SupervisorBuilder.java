package io.runserverplus.reloader;

import io.runserverplus.spi.ChangeDetectorProvider;
import io.runserverplus.spi.WatchRequest;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * Settings of a {@link Supervisor}; only {@link #mainClass(String)} is required. {@link #build()}
 * takes a checked, immutable {@link SupervisorSettings}: later calls on this builder change nothing
 * in a supervisor already built.
 */
public final class SupervisorBuilder {
    /** A child that dies sooner after it started serving is not restarted until a change: it would crash again. */
    public static final Duration DEFAULT_CRASH_WINDOW = Duration.ofSeconds(5);

    String mainClass;
    List<String> args = List.of();
    List<String> jvmOptions = List.of();
    List<String> parentOptions;
    Map<String, String> environment = Map.of();
    int port;
    String host = "127.0.0.1";
    ChangeDetectorProvider detector;
    WatchRequest watch;
    Path javaHome = Path.of(System.getProperty("java.home"));
    String classPath = System.getProperty("java.class.path", "");
    Duration quietPeriod = Debouncer.DEFAULT_QUIET;
    Duration maxDelay = Debouncer.DEFAULT_MAX_DELAY;
    Duration stopTimeout = Duration.ofSeconds(5);
    Duration crashWindow = DEFAULT_CRASH_WINDOW;
    BiPredicate<String, String> trustedHost = (header, host) -> false;
    StaticFiles staticFiles = StaticFiles.NONE;
    PrintStream out = System.out;
    PrintStream err = System.err;
    boolean standby = !"false".equals(System.getProperty("runserverplus.standby"));
    boolean compileOnChange = !"false".equals(System.getProperty(COMPILE));
    List<Path> sourceRoots = List.of();
    Integer release;
    Charset encoding;
    List<Path> processorPath;
    List<String> processors;
    boolean hotswap;

    /** {@code -Drunserverplus.compile=false} turns compiling on change off. */
    static final String COMPILE = "runserverplus.compile";
    /**
     * Source roots, separated by the path separator: {@code dir} (its class directory by the Maven
     * or Gradle layout) or {@code dir=classes}, for a build tool's plugin to pass.
     */
    static final String SOURCE_ROOTS = "runserverplus.compile.sourceRoots";

    SupervisorBuilder() {
    }

    /** The class whose {@code main} the child runs. */
    public SupervisorBuilder mainClass(String mainClass) {
        this.mainClass = requireText(mainClass, "main class");
        return this;
    }

    public SupervisorBuilder mainClass(Class<?> mainClass) {
        return mainClass(mainClass.getName());
    }

    public SupervisorBuilder args(List<String> args) {
        this.args = List.copyOf(args);
        return this;
    }

    /** Extra options for the child JVM, such as the console's {@code -javaagent}. */
    public SupervisorBuilder jvmOptions(List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
        return this;
    }

    /** This JVM's options to forward from; defaults to the runtime's input arguments. */
    public SupervisorBuilder parentOptions(List<String> parentOptions) {
        this.parentOptions = List.copyOf(parentOptions);
        return this;
    }

    /** Extra environment variables for the child. */
    public SupervisorBuilder environment(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        return this;
    }

    /** The app's port, where the failure page is served while the app is down; 0 for none. */
    public SupervisorBuilder port(int port) {
        if (port < 0 || port > 65_535) {
            throw new ReloaderException("The port must be between 0 and 65535, but was " + port + ".");
        }
        this.port = port;
        return this;
    }

    /** The address the failure page binds to; defaults to {@code 127.0.0.1}. */
    public SupervisorBuilder host(String host) {
        this.host = requireText(host, "host");
        return this;
    }

    /**
     * No setting names the app's address: the first child chooses it with the app's own settings
     * (its framework's port) and says which; until then there is no failure page.
     */
    public SupervisorBuilder appChoosesAddress() {
        this.host = null;
        this.port = 0;
        return this;
    }

    /**
     * Which {@code Host} headers (first argument) may see why the app is down (its last output) on
     * the failure page served on a host (second); others get a bare 503. By default none: core
     * passes the debugger's trusted hosts.
     */
    public SupervisorBuilder trustedHost(BiPredicate<String, String> trustedHost) {
        this.trustedHost = Objects.requireNonNull(trustedHost, "trustedHost");
        return this;
    }

    /**
     * Directories, relative to each watched directory (e.g. {@code public},
     * {@code META-INF/resources}), whose changes the running app serves without a restart. None by
     * default: core passes its {@code --static-location} setting.
     */
    public SupervisorBuilder staticLocations(List<String> locations) {
        this.staticFiles = StaticFiles.of(locations);
        return this;
    }

    /**
     * A child that dies after serving this long is restarted at once; one that dies sooner, or
     * before it serves, waits for a change (it would only die again). Default 5 s. A child says it
     * serves with {@link Supervisor#markServing()} (core does so once its server listens); one that
     * never does is restarted only on a change.
     */
    public SupervisorBuilder crashWindow(Duration crashWindow) {
        if (crashWindow.isNegative()) {
            throw new ReloaderException("The crash window cannot be negative, but was " + crashWindow + ".");
        }
        this.crashWindow = crashWindow;
        return this;
    }

    /** The change detector type; defaults to {@link ChangeDetectors#select(String) auto}. */
    public SupervisorBuilder detector(ChangeDetectorProvider detector) {
        this.detector = Objects.requireNonNull(detector, "detector");
        return this;
    }

    /** Shorthand for {@code detector(ChangeDetectors.select(type))}. */
    public SupervisorBuilder reloaderType(String type) {
        return detector(ChangeDetectors.select(type));
    }

    /** What to watch; defaults to the class path's directories. */
    public SupervisorBuilder watch(WatchRequest watch) {
        this.watch = Objects.requireNonNull(watch, "watch");
        return this;
    }

    public SupervisorBuilder javaHome(Path javaHome) {
        this.javaHome = Objects.requireNonNull(javaHome, "javaHome");
        return this;
    }

    /** The child's class path; defaults to this JVM's {@code java.class.path}. */
    public SupervisorBuilder classPath(String classPath) {
        this.classPath = Objects.requireNonNull(classPath, "classPath");
        return this;
    }

    /**
     * How long a burst of changes must pause before a restart; default 120 ms. A lone changed file
     * waits 20 ms (a source) or 50 ms (another file), or this when shorter, with file-system
     * events; this with polling.
     */
    public SupervisorBuilder quietPeriod(Duration quietPeriod) {
        this.quietPeriod = Objects.requireNonNull(quietPeriod, "quietPeriod");
        return this;
    }

    /** The longest a restart waits for changes to pause; default 2 s. */
    public SupervisorBuilder maxDelay(Duration maxDelay) {
        this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
        return this;
    }

    /** How long a child gets to stop after SIGTERM before it is killed; default 5 s. */
    public SupervisorBuilder stopTimeout(Duration stopTimeout) {
        this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
        return this;
    }

    /** Where the supervisor's messages and the child's stdout go; default {@code System.out}. */
    public SupervisorBuilder out(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
        return this;
    }

    /** Where warnings and the child's stderr go; default {@code System.err}. */
    public SupervisorBuilder err(PrintStream err) {
        this.err = Objects.requireNonNull(err, "err");
        return this;
    }

    /**
     * Whether to keep the next child JVM started and its libraries loaded while the app runs
     * (one more idle JVM), so that a reload skips most of the JVM's start; default true, or
     * {@code -Drunserverplus.standby=false}.
     */
    public SupervisorBuilder standby(boolean standby) {
        this.standby = standby;
        return this;
    }

    /**
     * Whether a changed {@code .java} file in the source root of a watched class directory is
     * compiled into it (and a changed resource copied) before the reload; default true, or
     * {@code -Drunserverplus.compile=false}.
     */
    public SupervisorBuilder compileOnChange(boolean compileOnChange) {
        this.compileOnChange = compileOnChange;
        return this;
    }

    /**
     * Source roots to compile on change, besides the ones the Maven and Gradle layouts give for
     * the watched class directories ({@code target/classes} ← {@code src/main/java}); each goes
     * to the watched class directory its layout names, or is left out.
     */
    public SupervisorBuilder sourceRoots(List<Path> sourceRoots) {
        this.sourceRoots = List.copyOf(sourceRoots);
        return this;
    }

    /** {@code --release} for compiling on change; default: the release of the class files already compiled. */
    public SupervisorBuilder release(int release) {
        this.release = release;
        return this;
    }

    /** The sources' encoding for compiling on change; default UTF-8. */
    public SupervisorBuilder encoding(Charset encoding) {
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        return this;
    }

    /**
     * Where the project's annotation processors are; default the class path when an entry of it
     * declares one (Lombok), else none run.
     */
    public SupervisorBuilder annotationProcessorPath(List<Path> processorPath) {
        this.processorPath = List.copyOf(processorPath);
        return this;
    }

    /** The annotation processors to run, by class name; default those on the processor path. */
    public SupervisorBuilder annotationProcessors(List<String> processors) {
        this.processors = List.copyOf(processors);
        return this;
    }

    /**
     * Whether a change that alters method bodies only is redefined in the running child (through
     * the capture agent's {@code Instrumentation}) instead of restarting it; default false.
     */
    public SupervisorBuilder hotswap(boolean hotswap) {
        this.hotswap = hotswap;
        return this;
    }

    public Supervisor build() {
        return new Supervisor(settings());
    }

    /** The settings as they are now, with the defaults that need work filled in; checked. */
    SupervisorSettings settings() {
        WatchRequest watched = watch != null ? watch
                : WatchRequest.ofClassPath(List.of(), List.of(), WatchRequest.DEFAULT_POLL_INTERVAL);
        return new SupervisorSettings(mainClass, args, jvmOptions,
                parentOptions != null ? parentOptions : ManagementFactory.getRuntimeMXBean().getInputArguments(),
                environment, port, host,
                detector != null ? detector : ChangeDetectors.select(ChangeDetectors.AUTO),
                watched,
                javaHome, classPath, quietPeriod, maxDelay, stopTimeout, crashWindow, trustedHost, staticFiles,
                out, err, standby, compileOnChange ? sourceSets(watched.roots()) : List.of(), compileOptions(), hotswap);
    }

    private List<SourceSet> sourceSets(List<Path> watched) {
        var explicit = new java.util.ArrayList<SourceSet>();
        var configured = new java.util.ArrayList<>(sourceRoots);
        for (String entry : System.getProperty(SOURCE_ROOTS, "").split(java.io.File.pathSeparator)) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                explicit.add(new SourceSet(Path.of(entry.substring(0, equals).strip()),
                        Path.of(entry.substring(equals + 1).strip()), false));
            } else if (!entry.isBlank()) {
                configured.add(Path.of(entry.strip()));
            }
        }
        var sets = new java.util.ArrayList<>(explicit);
        SourceSet.detect(configured, watched).stream().filter(set -> !sets.contains(set)).forEach(sets::add);
        return sets;
    }

    private CompileOptions compileOptions() {
        CompileOptions fromProperties = CompileOptions.fromSystemProperties();
        return new CompileOptions(release != null ? java.util.OptionalInt.of(release) : fromProperties.release(),
                encoding != null ? encoding : fromProperties.encoding(),
                processorPath != null ? processorPath : fromProperties.processorPath(),
                processors != null ? processors : fromProperties.processors());
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ReloaderException("The " + what + " must not be empty.");
        }
        return value.strip();
    }
}
