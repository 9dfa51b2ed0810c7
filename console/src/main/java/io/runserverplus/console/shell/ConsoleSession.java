package io.runserverplus.console.shell;

import io.runserverplus.spi.EvalResult;
import io.runserverplus.spi.FrameInfo;
import io.runserverplus.spi.CapturedVariable;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.lang.model.SourceVersion;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * A console for one traceback: a JShell in the application's JVM where the bound frame's values are
 * variables. Thread-safe; evaluations of one session run one at a time on its own thread.
 *
 * <p>Variables hold the frame's live objects: calling a mutating method changes the application's
 * object. Assigning a variable ({@code a = other}) changes only the console's copy: the frame's local
 * variable is not written back (it is gone anyway: the frame has been unwound).
 */
public final class ConsoleSession implements AutoCloseable {

    /** What the UI prints when a console opens. */
    public static final String READY = "[console ready]";
    private static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final String id;
    private final Engine engine;
    private final ConsoleConfig config;
    private final Throwable exception;
    private final Object request;
    private final Evaluator evaluator;
    private volatile FrameInfo frame;
    private volatile boolean frameBound;
    private volatile List<CapturedVariable> variables = List.of();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final StringBuilder pendingInput = new StringBuilder();

    // Only touched on the engine's thread:
    private final Map<String, String> types = new HashMap<>();
    private final Set<String> undeclared = new HashSet<>();
    private final Map<String, VarSnippet> declared = new HashMap<>();

    ConsoleSession(String id, Engine engine, ConsoleConfig config, Throwable exception, Object request) {
        this.id = id;
        this.engine = engine;
        this.config = config;
        this.exception = exception;
        this.request = request;
        this.evaluator = new Evaluator(engine);
        bindNow(null, null, List.of());
    }

    public String id() {
        return id;
    }

    /** The greeting the UI shows first: {@value #READY}. */
    public String greeting() {
        return READY;
    }

    /** The frame currently bound, or {@code null}. */
    public FrameInfo frame() {
        return frame;
    }

    /** Whether {@link #bindFrame} was called, last with {@code frame} (possibly null). */
    public boolean isBoundTo(FrameInfo frame) {
        return frameBound && java.util.Objects.equals(this.frame, frame);
    }

    /** The current frame's variables (as given to {@link #bindFrame}). */
    public List<CapturedVariable> variables() {
        return variables;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Switches to a frame: its variables, {@code self} (the frame's {@code this}, or null), {@code ex},
     * {@code request} and {@code frame} become visible to the next snippets. Costs no compilation:
     * a variable is declared in JShell the first time a snippet's source uses its name. A frame
     * variable named like a special one ({@code ex}, {@code request}, {@code frame}) hides it.
     * Does nothing on a closed session. Cheap: the values are only put in a map.
     */
    public void bindFrame(FrameInfo frame, Object self, List<CapturedVariable> variables) {
        List<CapturedVariable> copy = List.copyOf(variables);
        run(() -> {
            bindNow(frame, self, copy);
            frameBound = true;
            return null;
        });
    }

    private void bindNow(FrameInfo newFrame, Object self, List<CapturedVariable> vars) {
        ClassLoader loader = config.classLoader();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> newTypes = new HashMap<>();
        bind(values, newTypes, "ex", exception == null ? "java.lang.Throwable" : null, exception, loader);
        bind(values, newTypes, "request", null, request, loader);
        bind(values, newTypes, "frame", FrameInfo.class.getName(), newFrame, loader);
        bind(values, newTypes, "self", null, self, loader);
        for (CapturedVariable v : vars) {
            String name = v.name().equals("this") ? "self" : v.name();
            bind(values, newTypes, name, v.declaredType(), v.value(), loader);
        }
        ConsoleBindings.bind(engine.key, Collections.unmodifiableMap(values));
        // Variables of the previous frame that this one lacks must not linger with stale values.
        for (var it = declared.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!newTypes.containsKey(e.getKey())) {
                engine.shell.drop(e.getValue());
                it.remove();
            }
        }
        types.clear();
        types.putAll(newTypes);
        undeclared.clear();
        undeclared.addAll(newTypes.keySet());
        this.frame = newFrame;
        this.variables = vars;
    }

    private static void bind(Map<String, Object> values, Map<String, String> types, String name, String type,
                             Object value, ClassLoader loader) {
        if (!SourceVersion.isName(name)) {
            return; // synthetic names (e.g. "this$0") cannot be declared
        }
        values.put(name, value);
        types.put(name, type == null && value == null ? "java.lang.Object"
                : TypeNames.declarable(type, value, loader));
    }

    /** Declares the bound variables the source uses (one JShell declaration each, only once per frame). */
    void declareUsed(String source) {
        for (String name : SourceScan.names(source)) {
            if (undeclared.remove(name)) {
                String get = ConsoleBindings.class.getName() + ".get(\"" + engine.key + "\", \"" + name + "\")";
                String type = types.get(name);
                VarSnippet snippet = declare(type, name, get);
                if (snippet == null && !type.equals("java.lang.Object")) {
                    snippet = declare("java.lang.Object", name, get); // e.g. a type not on the compile class path
                }
                if (snippet != null) {
                    declared.put(name, snippet);
                }
            }
        }
    }

    private VarSnippet declare(String type, String name, String get) {
        for (SnippetEvent e : engine.shell.eval(type + " " + name + " = (" + type + ") " + get + ";")) {
            if (e.causeSnippet() == null && e.snippet() instanceof VarSnippet v && e.status().isDefined()) {
                return v;
            }
        }
        return null;
    }

    /**
     * Evaluates one line (or a block) of input. Incomplete input is kept and answered with
     * {@link EvalResult.Status#NEEDS_MORE}; the next call continues it. An empty line ends a pending
     * block even if incomplete (its errors are then shown), as Python's console does.
     */
    public EvalResult eval(String line) {
        if (closed.get()) {
            return new EvalResult(line, "", null, "This console is closed; reload the page.", EvalResult.Status.CLOSED,
                    Duration.ZERO);
        }
        String source;
        boolean force;
        synchronized (pendingInput) {
            force = line.isBlank() && !pendingInput.isEmpty();
            source = pendingInput.isEmpty() ? line : pendingInput + "\n" + line;
            pendingInput.setLength(0);
        }
        EvalResult result = run(() -> {
            ConsoleHelpers.SESSION.set(this);
            try {
                return evaluator.evaluate(this, source, force, config.outputLimit(), stopRequested);
            } finally {
                ConsoleHelpers.SESSION.remove();
            }
        });
        if (result.needsMore()) {
            synchronized (pendingInput) {
                pendingInput.append(source);
            }
        }
        return result;
    }

    /** Forgets pending incomplete input (e.g. the UI's Ctrl-C). */
    public void clearInput() {
        synchronized (pendingInput) {
            pendingInput.setLength(0);
        }
    }

    /**
     * Runs a task on the engine's thread within the time limit, stopping the snippet if it passes: the
     * caller waits at most the time limit plus {@link #STOP_GRACE}.
     */
    private EvalResult run(java.util.concurrent.Callable<EvalResult> task) {
        long start = System.nanoTime();
        Future<EvalResult> future;
        try {
            future = engine.thread.submit(task);
        } catch (RejectedExecutionException e) {
            return closedResult("", Duration.ZERO);
        }
        try {
            return future.get(config.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return stop(future, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested.set(true);
            engine.shell.stop();
            return new EvalResult("", "", null, "Interrupted.", EvalResult.Status.ERROR, elapsed(start));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new EvalResult("", "", null, "Console failure: " + cause, EvalResult.Status.ERROR, elapsed(start));
        }
    }

    private EvalResult stop(Future<EvalResult> future, long start) {
        stopRequested.set(true);
        try {
            // JShell's stop makes snippet code throw at its next loop check and interrupts the snippet's
            // threads. It does nothing while the engine is still compiling, so repeat it for a while.
            long deadline = System.nanoTime() + STOP_GRACE.toNanos();
            EvalResult r = null;
            while (r == null) {
                engine.shell.stop();
                try {
                    r = future.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                }
            }
            return new EvalResult(r.input(), r.output(), null, "Stopped: the evaluation ran longer than "
                    + seconds(config.timeLimit()) + ".", EvalResult.Status.TIMEOUT, elapsed(start));
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            // Stuck in code JShell cannot stop (application or JDK code ignoring interrupts).
            close();
            return new EvalResult("", "", null, "Stopped: the evaluation ran longer than " + seconds(config.timeLimit())
                    + " and could not be stopped; this console was closed (its thread may keep running).",
                    EvalResult.Status.TIMEOUT, elapsed(start));
        } finally {
            stopRequested.set(false);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static EvalResult closedResult(String input, Duration elapsed) {
        return new EvalResult(input, "", null, "This console is closed; reload the page.", EvalResult.Status.CLOSED,
                elapsed);
    }

    static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Closes the JShell and forgets the bound values. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            engine.close();
        }
    }
}
