package io.runserverplus.console.frame;

import io.runserverplus.console.agent.ExitGuard;

import io.runserverplus.spi.CapturedVariable;
import io.runserverplus.spi.ConsoleScope;
import io.runserverplus.spi.FrameInfo;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jdk.jshell.JShell;

/**
 * The frame consoles of one server, one per traceback id, at most {@code maxSessions} (least
 * recently used closed first), sharing one compiler (its opened class path) and one input splitter.
 * Thread-safe.
 */
public final class FrameConsoles implements AutoCloseable {

    private final ClassLoader appLoader;
    private final String classPath;
    private final Duration timeLimit;
    private final int outputLimit;
    private final int maxSessions;
    private final Map<String, FrameConsole> consoles = new LinkedHashMap<>(16, 0.75f, true);
    private FrameCompiler compiler;
    private InputSplitter splitter;
    private JShell splitterShell;
    private boolean closed;

    private final boolean keepJavacState;

    public FrameConsoles(ClassLoader appLoader, String classPath, Duration timeLimit, int outputLimit, int maxSessions) {
        this(appLoader, classPath, timeLimit, outputLimit, maxSessions, true);
    }

    /** {@code keepJavacState}: see {@link ReusedJavac}; off only to test the JVM that does not allow it. */
    FrameConsoles(ClassLoader appLoader, String classPath, Duration timeLimit, int outputLimit, int maxSessions,
                  boolean keepJavacState) {
        this.keepJavacState = keepJavacState;
        this.appLoader = appLoader;
        this.classPath = classPath;
        this.timeLimit = timeLimit;
        this.outputLimit = outputLimit;
        this.maxSessions = maxSessions;
        // The inputs' classes live in the app's loaders, so the exit guard knows them by name: a
        // task an input hands to the app's own pool is still refused an exit.
        ExitGuard.registerSnippetClassMarker("." + UnitSource.CLASS_NAME);
        ExitGuard.registerSnippetClassMarker("." + FrameUnits.TYPES_HOLDER);
    }

    /**
     * The console of {@code id} bound to {@code scope}'s frame, opened if needed; empty when the
     * frame's class cannot host units (then the JShell console serves it).
     */
    public Optional<FrameConsole> forFrame(String id, ConsoleScope scope) {
        FrameInfo frame = scope.frame();
        if (frame == null) {
            return Optional.empty();
        }
        FrameConsole console;
        List<FrameConsole> evicted = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return Optional.empty();
            }
            console = consoles.get(id);
            if (console == null || console.isClosed()) {
                console = new FrameConsole(id, compiler(), splitter(), timeLimit, outputLimit, scope.exception(),
                        scope.request());
                consoles.put(id, console);
                var it = consoles.values().iterator();
                while (consoles.size() > maxSessions && it.hasNext()) {
                    evicted.add(it.next());
                    it.remove();
                }
            }
        }
        evicted.forEach(FrameConsole::close);
        if (!console.isBoundTo(frame)) {
            List<CapturedVariable> vars = scope.variables();
            if (!console.bind(frame, vars, appLoader, scope.frameSource())) {
                return Optional.empty();
            }
        }
        return Optional.of(console);
    }

    /** The open console of {@code id}, if any. */
    public synchronized Optional<FrameConsole> get(String id) {
        FrameConsole c = consoles.get(id);
        return c == null || c.isClosed() ? Optional.empty() : Optional.of(c);
    }

    /** Closes the console of {@code id}, if open. */
    public void close(String id) {
        FrameConsole c;
        synchronized (this) {
            c = consoles.remove(id);
        }
        if (c != null) {
            c.close();
        }
    }

    synchronized FrameCompiler compiler() {
        if (compiler == null) {
            compiler = new FrameCompiler(classPath, keepJavacState);
        }
        return compiler;
    }

    synchronized InputSplitter splitter() {
        if (splitter == null) {
            PrintStream none = new PrintStream(OutputStream.nullOutputStream());
            // Only its source analysis is used: "local" execution starts no JVM and runs nothing.
            splitterShell = JShell.builder().executionEngine("local").in(InputStream.nullInputStream())
                    .out(none).err(none).build();
            splitter = new InputSplitter(splitterShell);
        }
        return splitter;
    }

    /** Loads and compiles javac's and the console's code for typical inputs, so the first console is fast. */
    public void warmUp() {
        FrameWarmUp.run(this, timeLimit, outputLimit);
    }

    @Override
    public void close() {
        List<FrameConsole> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(consoles.values());
            consoles.clear();
            if (splitterShell != null) {
                splitterShell.close();
            }
        }
        all.forEach(FrameConsole::close);
    }
}
