package io.runserverplus.console.shell;

import io.runserverplus.spi.EvalResult;
import io.runserverplus.spi.FrameInfo;
import io.runserverplus.spi.CapturedVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.lang.model.SourceVersion;
import jdk.jshell.Diag;
import jdk.jshell.Snippet;
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

    private volatile Runnable afterFirstEvaluation;

    // Only touched on the engine's thread:
    /** The bound names and the type a snippet declares each with. */
    private final Map<String, String> types = new HashMap<>();
    /**
     * JShell variables made for bound names: made only for an input that needs one (it assigns the
     * name, or declares a method, class or variable using it); other inputs declare what they use as
     * locals of their own snippet.
     */
    private final Map<String, VarSnippet> declared = new HashMap<>();
    /** The names in {@link #declared} whose variable holds the bound frame's value (or the console's copy of it). */
    private final Set<String> current = new HashSet<>();

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

    /** For tests: the engine this session evaluates in. */
    Engine engine() {
        return engine;
    }

    /**
     * Switches to a frame: its variables, {@code self} (the frame's {@code this}, or null), {@code ex},
     * {@code request} and {@code frame} become visible to the next snippets. Costs no compilation:
     * each input declares the variables it uses (see {@link #evalUnit}). A frame
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
        current.clear(); // kept variables hold the previous frame's values until an input needs them again
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

    /**
     * What evaluating one unit of input gave. When the unit was compiled inside a wrapper, the snippet's
     * source is {@code source[0, at) + <prefix of prefixLength> + source[at, end) + <suffix>}; when
     * {@code valueKept}, the wrapper handed the input's value to {@link ConsoleBindings#$result}.
     */
    record UnitEval(List<SnippetEvent> events, String source, int at, int prefixLength, int end, boolean valueKept) {

        boolean wrapped() {
            return prefixLength > 0;
        }

        /** The position in {@link #source} of a position in the compiled snippet, or -1 if in the wrapper. */
        long sourcePosition(long snippetPosition) {
            if (snippetPosition < at) {
                return snippetPosition;
            }
            long p = snippetPosition - prefixLength;
            return p >= at && p <= end ? p : -1;
        }
    }

    private static final String KEEP_VALUE = ConsoleBindings.class.getName() + ".$result(";

    /**
     * Evaluates one unit of input (one snippet), declaring the bound variables it uses, in one
     * compilation as a rule: the variables the unit uses are declared as locals of the same snippet.
     * <ul>
     *   <li>an expression: {@code { T a = (T) get(..); ... ConsoleBindings.$result(<input>); }}, a
     *       statement that keeps the value (JShell compiles a statement with one pass of javac less than
     *       an expression, which it types first and then keeps in a new variable {@code $n});
     *   <li>a statement starting with a keyword, a call known to return nothing, or an expression that
     *       turned out void: {@code { T a = ...; <input> }};
     *   <li>a variable declaration: its initializer as
     *       {@code switch (0) { default -> { T a = ...; yield <initializer>; } }}, so that the variable
     *       does not depend on a JShell variable of the frame and outlives it.
     * </ul>
     * Real JShell variables ({@code T a = (T) get(..);}, one snippet each) only for an input that assigns
     * a bound variable (the console's copy lives on) or declares a method or class that uses one, and
     * when the one-snippet form fails to compile for a reason that is not the input's own error (then
     * the input is compiled again as typed). The input's own compile errors are reported on the input.
     */
    UnitEval evalUnit(String unit) {
        if (current.size() < declared.size()) {
            // Variables made on an earlier frame that this one has too: methods the user declared may use
            // them, so they get this frame's values now (one snippet each; few, and once per frame).
            declare(declared.keySet().stream().filter(n -> !current.contains(n)).toList());
        }
        Set<String> fresh = new LinkedHashSet<>();
        for (String name : SourceScan.names(unit)) {
            if (types.containsKey(name) && !current.contains(name)) {
                fresh.add(name);
            }
        }
        String masked = SourceScan.mask(unit);
        InputForm.Form form = InputForm.of(masked);
        InputForm.Initializer init = form == InputForm.Form.DECLARATION ? InputForm.initializer(masked) : null;
        if (form == InputForm.Form.OTHER || form == InputForm.Form.DECLARATION
                && (fresh.isEmpty() || init == null || types.containsKey(init.name())
                    || SourceScan.names(masked.substring(0, init.start())).stream().anyMatch(fresh::contains))) {
            declare(fresh);
            return plain(unit);
        }
        Set<String> real = InputForm.assigned(masked, fresh);
        if (!real.isEmpty()) {
            declare(real);
            fresh.removeAll(current);
        }
        StringBuilder locals = new StringBuilder();
        for (String name : fresh) {
            String type = types.get(name);
            locals.append(type).append(' ').append(name).append(" = (").append(type).append(") ").append(getter(name))
                    .append("; ");
        }
        if (init != null) {
            if (fresh.isEmpty()) {
                return plain(unit);
            }
            String body = InputForm.withoutFinalSemicolon(unit, masked);
            UnitEval u = wrapped(init.start(), "switch (0) { default -> { " + locals + "yield ", body, "\n; } };",
                    unit, false);
            return verdict(u) != Verdict.FALL_BACK ? u : fallBack(fresh, unit);
        }
        if (form == InputForm.Form.EXPRESSION) {
            String body = InputForm.withoutFinalSemicolon(unit, masked);
            UnitEval u = wrapped(0, "{ " + locals + KEEP_VALUE, body, "\n); }", unit, true);
            Verdict verdict = verdict(u);
            if (verdict == Verdict.VOID) {
                form = InputForm.Form.VOID_CALL; // a void expression is a statement
            } else if (verdict == Verdict.FALL_BACK) {
                return fallBack(fresh, unit);
            } else {
                return u;
            }
        }
        if (fresh.isEmpty()) {
            return plain(unit); // a statement: nothing to declare
        }
        String body = form == InputForm.Form.VOID_CALL ? InputForm.withoutFinalSemicolon(unit, masked) + ";" : unit;
        UnitEval u = wrapped(0, "{ " + locals, body, "\n}", unit, false);
        return verdict(u) != Verdict.FALL_BACK ? u : fallBack(fresh, unit);
    }

    /** The input as typed, the bound variables it uses declared as JShell variables first. */
    private UnitEval fallBack(Set<String> fresh, String unit) {
        declare(fresh);
        return plain(unit);
    }

    private enum Verdict { ACCEPTED, USER_ERROR, VOID, FALL_BACK }

    /** Diagnostic codes of errors that are the input's own, whatever it is wrapped in. */
    private static final List<String> USER_ERRORS = List.of("compiler.err.cant.resolve", "compiler.err.cant.apply",
            "compiler.err.prob.found.req", "compiler.err.operator.cant.be.applied", "compiler.err.cant.deref",
            "compiler.err.incomparable.types", "compiler.err.report.access", "compiler.err.not.def.",
            "compiler.err.abstract.cant.be.instantiated", "compiler.err.non-static.cant.be.ref",
            "compiler.err.ref.ambiguous", "compiler.err.unreported.exception", "compiler.err.unexpected.lambda",
            "compiler.err.unexpected.mref", "compiler.err.cant.access", "compiler.err.array.req.but.found",
            "compiler.err.illegal.forward.ref", "compiler.err.not.stmt");
    /** JShell compiles an expression it could not type as a statement, where {@code yield} is out of place. */
    static final String NO_SWITCH_EXPRESSION = "compiler.err.no.switch.expression";
    private static final String VOID_NOT_ALLOWED = "compiler.err.void.not.allowed.here";

    private Verdict verdict(UnitEval u) {
        for (SnippetEvent e : u.events()) {
            if (e.causeSnippet() != null || e.status() != Snippet.Status.REJECTED) {
                continue;
            }
            boolean isVoid = false;
            boolean errors = false;
            for (Diag d : engine.shell.diagnostics(e.snippet()).toList()) {
                if (!d.isError()) {
                    continue;
                }
                String code = String.valueOf(d.getCode());
                long position = u.sourcePosition(d.getStartPosition());
                if (code.equals(NO_SWITCH_EXPRESSION) || code.equals(VOID_NOT_ALLOWED) && position == u.at()) {
                    isVoid = true; // the whole expression is void (a method returning nothing)
                    continue;
                }
                errors = true;
                String message = d.getMessage(Locale.ROOT);
                if (position < 0 || USER_ERRORS.stream().noneMatch(code::startsWith)
                        || code.equals("compiler.err.prob.found.req")
                            && (message.contains("void") || message.contains("functional interface"))) {
                    return Verdict.FALL_BACK; // the wrapper's doing (a name declared twice, a type), or unknown
                }
            }
            return errors ? Verdict.USER_ERROR : isVoid ? Verdict.VOID : Verdict.FALL_BACK;
        }
        return Verdict.ACCEPTED;
    }

    private UnitEval plain(String unit) {
        return new UnitEval(engine.shell.eval(unit), unit, 0, 0, unit.length(), false);
    }

    /** Compiles {@code body[0, at) + prefix + body[at, ..) + suffix}; {@code body} is {@code unit} or a prefix of it. */
    private UnitEval wrapped(int at, String prefix, String body, String suffix, String unit, boolean valueKept) {
        String snippet = body.substring(0, at) + prefix + body.substring(at) + suffix;
        return new UnitEval(engine.shell.eval(snippet), unit, at, prefix.length(), body.length(), valueKept);
    }

    private String getter(String name) {
        return ConsoleBindings.class.getName() + ".get(\"" + engine.key + "\", \"" + name + "\")";
    }

    /** Declares the bound variables the source uses as JShell variables (one snippet each), unless they are. */
    void declareUsed(String source) {
        Set<String> names = new LinkedHashSet<>(SourceScan.names(source));
        names.retainAll(types.keySet());
        declare(names);
    }

    private void declare(Collection<String> names) {
        for (String name : names) {
            if (!types.containsKey(name) || current.contains(name)) {
                continue;
            }
            String get = getter(name);
            String type = types.get(name);
            VarSnippet snippet = declare(type, name, get);
            if (snippet == null && !type.equals("java.lang.Object")) {
                snippet = declare("java.lang.Object", name, get); // e.g. a type not on the compile class path
            }
            if (snippet != null) {
                declared.put(name, snippet);
                current.add(name);
            } else {
                VarSnippet stale = declared.remove(name);
                if (stale != null && engine.shell.status(stale).isActive()) {
                    engine.shell.drop(stale);
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
        Runnable after = afterFirstEvaluation;
        if (after != null) {
            afterFirstEvaluation = null;
            after.run();
        }
        return result;
    }

    /** Runs {@code task} once, after this session's first evaluation (e.g. making the next spare JShell). */
    void afterFirstEvaluation(Runnable task) {
        afterFirstEvaluation = task;
    }

    /**
     * Inputs of the kinds users type, evaluated in a spare JShell before a session gets it so that javac's
     * code for each (types, lambdas, generic calls, string concatenation, declarations, the one-snippet
     * forms with bound variables) is loaded and compiled before anyone waits for it.
     */
    static final List<String> WARM_UP = List.of(
            "label + \" owes \" + (total - Math.round(total * rate))",
            "count * 2",
            "items.size() + numbers.length",
            "self.length()",
            "String.format(\"%s: %d cents\", label, total)",
            "var copy = new ArrayList<String>(items)",
            "copy.add(label)",
            "for (int i = 0; i < count; i++) copy.add(label + i);",
            "copy.stream().map(String::toUpperCase).filter(s -> !s.isEmpty()).toList()",
            "table",
            "int twiceOf(int x) {\n    return 2 * x;\n}",
            "twiceOf(count) + Math.max(total, 10L)",
            "System.out.println(label)",
            "rate > 0.1 ? \"high\" : \"low\"",
            "ex.getMessage().length()",
            "Integer.parseInt(label)",
            "count + notDeclaredAnywhere",
            "total = total + 1",
            "total");

    /**
     * Evaluates {@link #WARM_UP} in {@code engine} with a frame bound, then drops every snippet it made
     * and unbinds the values, so the session that gets the engine starts as from a fresh one. Runs on
     * the engine's thread without the time limit; on the caller's thread waits for it.
     */
    static void warmUp(Engine engine, ConsoleConfig config) {
        ConsoleSession s = new ConsoleSession("warm-up", engine, config, new IllegalStateException("warm-up"), null);
        Future<?> done = engine.thread.submit(() -> {
            s.bindNow(new FrameInfo(0, "warm.Up", "run", "Up.java", 1), new StringBuilder("self"), List.of(
                    new CapturedVariable("count", "int", 3),
                    new CapturedVariable("total", "long", 1234L),
                    new CapturedVariable("rate", "double", 0.2),
                    new CapturedVariable("label", "java.lang.String", "alice#3"),
                    new CapturedVariable("items", "java.util.List<java.lang.String>", new ArrayList<>(List.of("a", "b"))),
                    new CapturedVariable("table", "java.util.Map<java.lang.String, java.lang.Long>",
                            new LinkedHashMap<>(Map.of("a", 1L))),
                    new CapturedVariable("numbers", "int[]", new int[] {1, 2})));
            ConsoleHelpers.SESSION.set(s);
            try {
                for (String input : WARM_UP) {
                    s.evaluator.evaluate(s, input, true, 4096, new AtomicBoolean());
                }
            } finally {
                ConsoleHelpers.SESSION.remove();
                engine.reset();
            }
            return null;
        });
        try {
            done.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("console warm-up failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
