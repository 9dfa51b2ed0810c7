package io.runserverplus.console.shell;

import io.runserverplus.console.snippet.ConsoleBindings;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jdk.jshell.Diag;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

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
 * Engine thread only.
 */
final class UnitEvaluator {

    private static final String KEEP_VALUE = ConsoleBindings.class.getName() + ".$result(";

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

    /** How a wrapped unit's compilation went. */
    private enum Verdict { ACCEPTED, USER_ERROR, VOID, FALL_BACK }

    private final Engine engine;
    private final BoundVariables bound;

    UnitEvaluator(Engine engine, BoundVariables bound) {
        this.engine = engine;
        this.bound = bound;
    }

    /** Evaluates one unit: one snippet, as JShell's completion analysis splits input. */
    UnitEval eval(String unit) {
        bound.refreshKeptVariables();
        Set<String> fresh = new LinkedHashSet<>();
        for (String name : SourceScan.names(unit)) {
            if (bound.isBound(name) && !bound.isDeclared(name)) {
                fresh.add(name);
            }
        }
        String masked = SourceScan.mask(unit);
        InputForm.Form form = InputForm.of(masked);
        InputForm.Initializer init = form == InputForm.Form.DECLARATION ? InputForm.initializer(masked) : null;
        if (form == InputForm.Form.OTHER || form == InputForm.Form.DECLARATION
                && (fresh.isEmpty() || init == null || bound.isBound(init.name())
                    || SourceScan.names(masked.substring(0, init.start())).stream().anyMatch(fresh::contains))) {
            bound.declare(fresh);
            return plain(unit);
        }
        Set<String> real = InputForm.assigned(masked, fresh);
        if (!real.isEmpty()) {
            bound.declare(real);
            fresh.removeIf(bound::isDeclared);
        }
        StringBuilder locals = new StringBuilder();
        for (String name : fresh) {
            locals.append(bound.declaration(name)).append(' ');
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
        bound.declare(fresh);
        return plain(unit);
    }

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
}
