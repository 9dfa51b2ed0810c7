package io.runserverplus.console.shell;

import io.runserverplus.console.snippet.ConsoleHelpers;
import io.runserverplus.spi.CapturedVariable;
import io.runserverplus.spi.Completions;
import io.runserverplus.spi.EvalResult;
import io.runserverplus.spi.FrameInfo;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A console for one traceback: a JShell in the application's JVM where the bound frame's values are
 * variables. Thread-safe; evaluations of one session run one at a time on its own thread.
 *
 * <p>Variables hold the frame's live objects: calling a mutating method changes the application's
 * object. Assigning a variable ({@code a = other}) changes only the console's copy: the frame's local
 * variable is not written back (it is gone anyway: the frame has been unwound).
 */
public final class ConsoleSession implements AutoCloseable, ConsoleHelpers.View {

    /** What the UI prints when a console opens. */
    public static final String READY = "[console ready]";

    private final String id;
    private final Engine engine;
    private final ConsoleConfig config;
    private final TimeLimitedRunner runner;
    /** Only touched on the engine's thread (and in the constructor). */
    private final BoundVariables bound;
    private final Evaluator evaluator;
    private volatile FrameInfo frame;
    private volatile boolean frameBound;
    private volatile List<CapturedVariable> variables = List.of();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final StringBuilder pendingInput = new StringBuilder();

    private volatile Runnable afterFirstEvaluation;

    ConsoleSession(String id, Engine engine, ConsoleConfig config, Throwable exception, Object request) {
        this.id = id;
        this.engine = engine;
        this.config = config;
        this.runner = new TimeLimitedRunner(engine, config.timeLimit(), this::close);
        this.bound = new BoundVariables(engine, config.classLoader(), exception, request);
        this.evaluator = new Evaluator(engine, new UnitEvaluator(engine, bound));
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
        return frameBound && Objects.equals(this.frame, frame);
    }

    /** The current frame's variables (as given to {@link #bindFrame}). */
    @Override
    public List<CapturedVariable> variables() {
        return variables;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** For tests: the engine this session evaluates in. */
    Engine engine() {
        return engine;
    }

    /**
     * Switches to a frame: its variables, {@code self} (the frame's {@code this}, or null), {@code ex},
     * {@code request} and {@code frame} become visible to the next snippets. Costs no compilation:
     * each input declares the variables it uses (see {@link UnitEvaluator}). A frame
     * variable named like a special one ({@code ex}, {@code request}, {@code frame}) hides it.
     * Does nothing on a closed session. Cheap: the values are only put in a map.
     */
    public void bindFrame(FrameInfo frame, Object self, List<CapturedVariable> variables) {
        List<CapturedVariable> copy = List.copyOf(variables);
        runner.run(() -> {
            bindNow(frame, self, copy);
            frameBound = true;
            return null;
        });
    }

    /** Binds a frame on the calling thread: the engine's (or the constructor's). */
    void bindNow(FrameInfo newFrame, Object self, List<CapturedVariable> vars) {
        bound.bind(newFrame, self, vars);
        this.frame = newFrame;
        this.variables = vars;
    }

    /**
     * Evaluates one line (or a block) of input. Incomplete input is kept and answered with
     * {@link EvalResult.Status#NEEDS_MORE}; the next call continues it. An empty line ends a pending
     * block even if incomplete (its errors are then shown), as Python's console does.
     */
    public EvalResult eval(String line) {
        if (closed.get()) {
            return closedResult(line);
        }
        String source;
        boolean force;
        synchronized (pendingInput) {
            force = line.isBlank() && !pendingInput.isEmpty();
            source = pendingInput.isEmpty() ? line : pendingInput + "\n" + line;
            pendingInput.setLength(0);
        }
        EvalResult result = runner.run(() -> evaluateHere(source, force, config.outputLimit(), runner.stopRequested()));
        if (result.needsMore()) {
            synchronized (pendingInput) {
                pendingInput.append(source);
            }
        }
        Runnable after = afterFirstEvaluation;
        if (after != null) {
            afterFirstEvaluation = null;
            after.run();
        }
        return result;
    }

    /**
     * Evaluates {@code source} on the calling thread, the engine's, without the time limit; the
     * console's helpers ({@code dump()}) see this session meanwhile.
     */
    EvalResult evaluateHere(String source, boolean force, int outputLimit, AtomicBoolean stopRequested) {
        return ConsoleHelpers.evaluatingIn(this, () -> evaluator.evaluate(source, force, outputLimit, stopRequested));
    }

    /**
     * Stops the running evaluation as the time limit does; {@code false} when none runs. A snippet
     * that cannot be stopped closes this session, as at the time limit.
     */
    public boolean stop() {
        return !closed.get() && runner.stopNow();
    }

    /**
     * The names that complete {@code code} at {@code cursor}, as JShell's completion offers them,
     * plus the bound variables that fit. Runs on the engine's thread, after any running evaluation;
     * nothing when that takes longer than the time limit.
     */
    public Completions complete(String code, int cursor) {
        if (closed.get() || cursor < 0 || cursor > code.length()) {
            return Completions.NONE;
        }
        Future<Completions> task;
        try {
            task = engine.thread.submit(() -> Completer.complete(engine, bound, code, cursor));
        } catch (RejectedExecutionException shutDown) {
            return Completions.NONE;
        }
        try {
            return task.get(config.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            task.cancel(false);
            return Completions.NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Completions.NONE;
        }
    }

    /** Runs {@code task} once, after this session's first evaluation (e.g. making the next spare JShell). */
    void afterFirstEvaluation(Runnable task) {
        afterFirstEvaluation = task;
    }

    /** Forgets pending incomplete input (e.g. the UI's Ctrl-C). */
    public void clearInput() {
        synchronized (pendingInput) {
            pendingInput.setLength(0);
        }
    }

    /** The answer of a closed session to {@code input}. */
    static EvalResult closedResult(String input) {
        return new EvalResult(input, "", null, "This console is closed; reload the page.", EvalResult.Status.CLOSED,
                Duration.ZERO);
    }

    /** Closes the JShell and forgets the bound values. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            engine.close();
        }
    }
}
