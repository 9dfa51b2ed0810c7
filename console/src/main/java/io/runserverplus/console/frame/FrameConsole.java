package io.runserverplus.console.frame;

import io.runserverplus.console.agent.FrameLocals;
import io.runserverplus.console.snippet.ConsoleHelpers;
import io.runserverplus.console.shell.OutputCapture;
import io.runserverplus.console.agent.ExitGuard;
import io.runserverplus.console.shell.SourceScan;
import io.runserverplus.console.shell.ValueRenderer;
import io.runserverplus.spi.CapturedVariable;
import io.runserverplus.spi.EvalResult;
import io.runserverplus.spi.FrameInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * A console bound to an application frame: each input is compiled by javac into the frame's
 * package and run as a hidden nestmate of the frame's class, so it may use what the frame's code
 * may (see {@link FrameUnits}). Declarations persist: variables in the {@link Store}, methods as
 * members of every later unit, types as classes of the frame's package. Thread-safe; inputs run one
 * at a time on the console's own thread, within the time limit.
 */
public final class FrameConsole implements AutoCloseable, ConsoleHelpers.View {

    private static final Pattern ARG_NAME = Pattern.compile("arg\\d+");

    private final String id;
    private final FrameRunner runner;
    private final FrameUnits units;
    private final InputSplitter splitter;
    private final int outputLimit;
    private final Throwable exception;
    private final Object request;
    /** What the pane's Stop gives, as the JShell console says it. */
    static final String STOPPED_ON_REQUEST = "Stopped on request.";
    /** A value keeps up to 64 KB of text: the pane folds a long one and shows all of it on demand. */
    private final ValueRenderer renderer = ValueRenderer.forConsoleValue();
    private final StringBuilder pending = new StringBuilder();

    private volatile FrameInfo frame;
    private volatile List<CapturedVariable> variables = List.of();
    private volatile boolean bound;
    private volatile Class<?> frameClass;

    FrameConsole(String id, FrameCompiler compiler, InputSplitter splitter, Duration timeLimit, int outputLimit,
                        Throwable exception, Object request) {
        this.id = id;
        this.splitter = splitter;
        this.outputLimit = outputLimit;
        this.exception = exception;
        this.request = request;
        this.units = new FrameUnits(compiler);
        this.runner = new FrameRunner("runserverplus-console-" + id, timeLimit, units, this::close);
    }

    public String id() {
        return id;
    }

    public boolean isBoundTo(FrameInfo other) {
        return bound && Objects.equals(frame, other);
    }

    public boolean isClosed() {
        return runner.isClosed();
    }

    /**
     * Binds {@code frame}: its class becomes the one units are compiled for, its variables (with
     * {@code self} for {@code this}), {@code ex}, {@code request} and {@code frame} are bound.
     * {@code false} when the frame's class cannot host units (not found, or a JDK class): the
     * caller uses the JShell console for it.
     */
    public boolean bind(FrameInfo newFrame, List<CapturedVariable> vars, ClassLoader appLoader, String source) {
        Object receiver = vars.stream().filter(v -> v.name().equals("this")).map(CapturedVariable::value)
                .findFirst().orElse(null);
        var target = FrameTarget.of(newFrame.className(), receiver, appLoader, source);
        if (target.isEmpty()) {
            return false;
        }
        FrameTarget t = target.get();
        Map<String, Store.Slot> slots = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        put(slots, t, "ex", exception == null ? Throwable.class.getName() : null, exception, false, notes);
        put(slots, t, "request", null, request, false, notes);
        put(slots, t, "frame", FrameInfo.class.getName(), newFrame, false, notes);
        if (t.receiver != null) {
            put(slots, t, "self", t.frameClass.getName(), t.receiver, false, notes);
        }
        if (t.outerInstance != null) {
            put(slots, t, ReceiverRewriter.OUTER, t.frameClass.getEnclosingClass().getName(), t.outerInstance, false,
                    notes);
        }
        for (CapturedVariable v : vars) {
            if (!v.name().equals("this")) {
                put(slots, t, v.name(), v.declaredType(), v.value(), true, notes);
            }
        }
        this.frame = newFrame;
        this.variables = List.copyOf(vars);
        String missing = missingVariables();
        if (missing != null) {
            notes.add(0, missing); // said with the first evaluation in this frame
        }
        runner.runQuietly(() -> units.bind(t, slots, notes));
        this.frameClass = t.frameClass;
        this.bound = true;
        return true;
    }

    private static void put(Map<String, Store.Slot> slots, FrameTarget t, String name, String type, Object value,
                            boolean frameLocal, List<String> notes) {
        if (!SourceVersion.isName(name)) {
            return; // synthetic names (e.g. "this$0") cannot be declared
        }
        FrameTypes.Declared d = type == null ? t.types.fromValue(name, value) : t.types.declarable(name, type, value);
        if (d.note() != null) {
            notes.add(d.note());
        }
        slots.put(name, new Store.Slot(d.type(), value, frameLocal, false));
    }

    /** Evaluates one line (or block) of input, as {@code ConsoleSession.eval} does. */
    public EvalResult eval(String line) {
        if (isClosed()) {
            return closed(line);
        }
        String source;
        boolean force;
        synchronized (pending) {
            force = line.isBlank() && !pending.isEmpty();
            source = pending.isEmpty() ? line : pending + "\n" + line;
            pending.setLength(0);
        }
        long start = System.nanoTime();
        // With the agent, exits are refused when they happen, however spelled; the scan is the fallback.
        String refusal = ExitGuard.active() ? null : SourceScan.refusal(source);
        if (refusal != null) {
            return new EvalResult(source, "", null, refusal, EvalResult.Status.REFUSED, elapsed(start));
        }
        EvalResult result = runner.run(source, () -> {
            // One unit (most inputs) needs no splitting; else JShell's analysis splits it or finds it incomplete.
            InputSplitter.Split split = units.isSingleUnit(source) ? new InputSplitter.Split(false, List.of(source))
                    : splitter.split(source, force);
            if (split.needsMore()) {
                return new EvalResult(source, "", null, null, EvalResult.Status.NEEDS_MORE, Duration.ZERO);
            }
            return evaluateHere(source, split.units(), start);
        });
        if (result.needsMore()) {
            synchronized (pending) {
                pending.append(source);
            }
        }
        return result.input().isEmpty() ? new EvalResult(source, result.output(), result.value(), result.error(),
                result.status(), result.elapsed(), result.note()) : result;
    }

    private EvalResult evaluateHere(String source, List<String> inputUnits, long start) {
        return ConsoleHelpers.evaluatingIn(this, () -> evaluateUnits(source, inputUnits, start));
    }

    private EvalResult evaluateUnits(String source, List<String> inputUnits, long start) {
        OutputCapture capture = OutputCapture.begin(outputLimit);
        FrameUnits.Outcome last = null;
        List<String> notes = new ArrayList<>();
        String output;
        try {
            for (String unit : inputUnits) {
                last = units.evaluate(unit, missingVariables());
                if (last.note() != null) {
                    notes.add(last.note());
                }
                if (last.error() != null) {
                    break;
                }
            }
        } finally {
            output = capture.end();
        }
        String note = notes.isEmpty() ? null : String.join("\n", notes);
        if (last == null) {
            return new EvalResult(source, output, null, null, EvalResult.Status.OK, elapsed(start), note);
        }
        if (last.stopped()) {
            // The time limit's stop is reworded by the runner; a stop that gets here was asked for.
            return new EvalResult(source, output, null, STOPPED_ON_REQUEST, EvalResult.Status.TIMEOUT, elapsed(start),
                    note);
        }
        if (last.error() != null && last.error().contains(ExitGuard.MESSAGE)) {
            return new EvalResult(source, output, null, ExitGuard.MESSAGE, EvalResult.Status.REFUSED, elapsed(start),
                    note);
        }
        String value = last.error() != null || !last.hasValue() ? null
                : (last.name() != null ? last.name() + " ==> " : "") + renderer.render(last.value());
        return new EvalResult(source, output, value, last.error(),
                last.error() == null ? EvalResult.Status.OK : EvalResult.Status.ERROR, elapsed(start), note);
    }

    /** Stops the running evaluation as the time limit does; {@code false} when none runs. */
    public boolean stop() {
        return runner.stop();
    }

    /** The completions of {@code code} at {@code cursor} (nothing is run). */
    public io.runserverplus.spi.Completions complete(String code, int cursor) {
        String before;
        synchronized (pending) {
            before = pending.isEmpty() ? "" : pending + "\n";
        }
        return runner.call(() -> units.complete(before + code, before.length() + cursor, before.length()),
                io.runserverplus.spi.Completions.NONE);
    }

    @Override
    public Class<?> accessContext() {
        return frameClass;
    }

    @Override
    public List<CapturedVariable> variables() {
        return variables;
    }

    /**
     * Why this frame has no variables (or only {@code arg0}-style names), and how to get them;
     * {@code null} when they were captured.
     */
    @Override
    public String missingVariables() {
        List<CapturedVariable> vars = variables;
        if (vars.isEmpty()) {
            if (!FrameLocals.agentActive()) {
                return "This frame's variables were not captured: this JVM runs without runserver_plus's capture"
                        + " agent. Start the app with runserver_plus's reloader (it adds the agent to the app's JVM),"
                        + " or add -javaagent:<runserverplus-console jar> to the java command.";
            }
            return "This frame's variables were not captured (or it has none: a static method without"
                    + " parameters or locals). The capture agent instruments the application's classes; if it"
                    + " skipped this one (" + (frame == null ? "?" : frame.className()) + "), add its package to"
                    + " the agent's packages= option (-javaagent:<runserverplus-console jar>=packages=com.acme).";
        }
        if (vars.stream().anyMatch(v -> ARG_NAME.matcher(v.name()).matches())
                && vars.stream().noneMatch(v -> !v.name().equals("this") && !ARG_NAME.matcher(v.name()).matches())) {
            return "This frame's local variable names were not recorded: its class was compiled without -g, so"
                    + " parameters are bound as arg0, arg1... and other locals are missing. Compile with -g"
                    + " (javac -g; Maven and Gradle do by default) to get them.";
        }
        return null;
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    static EvalResult closed(String input) {
        return new EvalResult(input, "", null, "This console is closed; reload the page.", EvalResult.Status.CLOSED,
                Duration.ZERO);
    }

    @Override
    public void close() {
        runner.close();
    }

    /** For tests: the names bound now. */
    Set<String> boundNames() {
        return runner.call(() -> new LinkedHashSet<>(units.boundNames()), Set.of());
    }
}
