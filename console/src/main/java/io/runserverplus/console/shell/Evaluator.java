package io.runserverplus.console.shell;

import io.runserverplus.console.snippet.ConsoleBindings;
import io.runserverplus.console.agent.ExitGuard;
import io.runserverplus.spi.EvalResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/** Splits input into snippets, evaluates them and renders what they produced. Engine thread only. */
final class Evaluator {

    private static final int TRACE_FRAMES = 5;
    private final Engine engine;
    private final UnitEvaluator unitEvaluator;
    private final ValueRenderer renderer = ValueRenderer.forConsoleValue();

    Evaluator(Engine engine, UnitEvaluator unitEvaluator) {
        this.engine = engine;
        this.unitEvaluator = unitEvaluator;
    }

    EvalResult evaluate(String source, boolean force, int outputLimit, AtomicBoolean stopped) {
        long start = System.nanoTime();
        List<String> units = new ArrayList<>();
        String rest = source;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo ci = engine.shell.sourceCodeAnalysis().analyzeCompletion(rest);
            switch (ci.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    if (!force) {
                        return result(source, "", null, null, EvalResult.Status.NEEDS_MORE, start);
                    }
                    units.add(rest);
                    rest = "";
                }
                case COMPLETE, COMPLETE_WITH_SEMI -> {
                    units.add(ci.source());
                    rest = ci.remaining();
                }
                case EMPTY -> rest = "";
                default -> { // UNKNOWN: a syntax error; evaluate it to get JShell's message
                    units.add(rest);
                    rest = "";
                }
            }
        }
        // Without the agent's exit guard, the source is all there is to check.
        String refusal = ExitGuard.active() ? null : SourceScan.refusal(source);
        if (refusal != null) {
            return result(source, "", null, refusal, EvalResult.Status.REFUSED, start);
        }
        OutputCapture capture = OutputCapture.begin(outputLimit);
        String value = null;
        String error = null;
        String output;
        try {
            for (String unit : units) {
                value = null;
                UnitEval evaluated = unitEvaluator.eval(unit);
                for (SnippetEvent e : evaluated.events()) {
                    if (e.causeSnippet() != null) {
                        continue; // updates of snippets that depend on this one
                    }
                    if (refusedExit(e.exception())) {
                        refusal = ExitGuard.MESSAGE;
                    } else if (e.exception() != null) {
                        error = trace(e.exception());
                    } else if (e.status() == Snippet.Status.REJECTED) {
                        error = diagnostics(e.snippet(), evaluated);
                    } else if (evaluated.valueKept() && e.status().isDefined()) {
                        value = renderer.render(engine.provider.control().lastValue());
                    } else if (e.value() != null && e.snippet().kind() != Snippet.Kind.STATEMENT) {
                        Object live = engine.provider.control().lastValue();
                        value = e.snippet().subKind() == Snippet.SubKind.VAR_DECLARATION_WITH_INITIALIZER_SUBKIND
                                ? ((jdk.jshell.VarSnippet) e.snippet()).name() + " ==> " + renderer.render(live)
                                : renderer.render(live);
                    }
                }
                if (error != null || refusal != null || stopped.get()) {
                    break;
                }
            }
        } finally {
            output = capture.end();
        }
        if (stopped.get()) {
            return result(source, output, null, "Stopped.", EvalResult.Status.TIMEOUT, start);
        }
        if (refusal != null) {
            return result(source, output, null, refusal, EvalResult.Status.REFUSED, start);
        }
        return result(source, output, error == null ? value : null, error,
                error == null ? EvalResult.Status.OK : EvalResult.Status.ERROR, start);
    }

    /** Whether the snippet failed on the exit guard's refusal, directly or as the cause (reflection, a future). */
    private static boolean refusedExit(JShellException ex) {
        Throwable t = ex;
        for (int depth = 0; t instanceof EvalException ee && depth < 5; depth++, t = t.getCause()) {
            if (SecurityException.class.getName().equals(ee.getExceptionClassName())
                    && ExitGuard.MESSAGE.equals(ee.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static EvalResult result(String input, String output, String value, String error, EvalResult.Status status,
                                     long start) {
        return new EvalResult(input, output, value, error, status, TimeLimitedRunner.elapsed(start));
    }

    /**
     * The compiler's messages, each with the line of input it is about and a caret. For a unit compiled
     * inside a wrapper (its variables declared in the same snippet), positions are mapped back to the
     * input and what is about the wrapper is left out.
     */
    private String diagnostics(Snippet snippet, UnitEval unit) {
        StringBuilder out = new StringBuilder();
        String src = unit.wrapped() ? unit.source() : snippet.source();
        engine.shell.diagnostics(snippet).forEach(d -> {
            if (!unit.wrapped()) {
                appendDiag(out, d, src, d.getStartPosition());
            } else if (unit.sourcePosition(d.getStartPosition()) >= 0
                    && !UnitEvaluator.NO_SWITCH_EXPRESSION.equals(d.getCode())) {
                appendDiag(out, d, src, unit.sourcePosition(d.getStartPosition()));
            }
        });
        return out.isEmpty() ? "error: the snippet was rejected" : out.toString().stripTrailing();
    }

    private static void appendDiag(StringBuilder out, Diag d, String src, long position) {
        out.append(d.isError() ? "error: " : "warning: ").append(d.getMessage(Locale.ROOT)).append('\n');
        int pos = (int) Math.max(0, Math.min(position, src.length()));
        int lineStart = src.lastIndexOf('\n', Math.max(0, pos - 1)) + 1;
        if (pos > 0 && pos <= src.length() && src.charAt(pos - 1) == '\n') {
            lineStart = pos;
        }
        int lineEnd = src.indexOf('\n', pos);
        out.append(src, lineStart, lineEnd < 0 ? src.length() : lineEnd).append('\n')
                .append(" ".repeat(pos - lineStart)).append("^\n");
    }

    /** A short traceback: type, message, a few frames without the console's own plumbing. */
    private String trace(JShellException ex) {
        if (ex instanceof UnresolvedReferenceException u) {
            return "error: " + u.getSnippet().source().strip() + " refers to something not yet declared: "
                    + engine.shell.unresolvedDependencies(u.getSnippet()).toList();
        }
        StringBuilder out = new StringBuilder();
        Throwable t = ex;
        for (int depth = 0; t != null && depth < 3; depth++, t = t.getCause()) {
            String type = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
            out.append(depth == 0 ? "" : "Caused by: ").append(type)
                    .append(t.getMessage() == null ? "" : ": " + t.getMessage()).append('\n');
            int shown = 0;
            int hidden = 0;
            for (StackTraceElement f : t.getStackTrace()) {
                if (plumbing(f)) {
                    continue;
                }
                if (shown < TRACE_FRAMES) {
                    // JShell names snippet frames with an empty class and method and a "#id" file.
                    out.append("    at ").append(f.getClassName().isEmpty() ? "console input (" + f.getFileName()
                            + ":" + f.getLineNumber() + ")" : f.toString()).append('\n');
                    shown++;
                } else {
                    hidden++;
                }
            }
            if (hidden > 0) {
                out.append("    ... ").append(hidden).append(" more\n");
            }
        }
        return out.toString().stripTrailing();
    }

    private static boolean plumbing(StackTraceElement f) {
        String c = f.getClassName();
        return c.startsWith("jdk.internal.") || c.startsWith("java.lang.reflect.") || c.startsWith("jdk.jshell.")
                || c.equals(ConsoleBindings.class.getName()) || c.equals(Thread.class.getName());
    }
}
