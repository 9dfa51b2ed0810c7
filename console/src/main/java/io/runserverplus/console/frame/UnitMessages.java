package io.runserverplus.console.frame;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * What the console says when a unit is rejected or throws, in the input's own terms: javac's
 * messages with a caret under the input's line and without the console's own names (the unit
 * class, the receiver variable), and a short traceback whose unit frames read "console input".
 */
final class UnitMessages {

    private static final int TRACE_FRAMES = 5;

    private UnitMessages() {
    }


    static String diagnostics(FrameCompiler.Output out, UnitSource source, UnitParser.Parsed parsed, String unit,
                               String missingVariables) {
        StringBuilder text = new StringBuilder();
        boolean unresolved = false;
        for (Diagnostic<? extends JavaFileObject> d : out.diagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String message = clean(d.getMessage(java.util.Locale.ROOT));
            unresolved |= d.getCode().startsWith("compiler.err.cant.resolve");
            int p = source.inputPosition(d.getStartPosition());
            if (p >= 0) {
                appendWithCaret(text, message, unit, parsed.edits().toInput(p));
            } else if (source.inMembers(d.getStartPosition())) {
                text.append("error: in a method this console declared earlier: ").append(message).append('\n');
            } else {
                text.append("error: ").append(message).append('\n');
            }
        }
        if (unresolved && missingVariables != null) {
            text.append(missingVariables).append('\n');
        }
        return text.isEmpty() ? "error: the input was rejected" : text.toString().stripTrailing();
    }

    static String typeDiagnostics(FrameCompiler.Output out, String text, int at, String declaration,
                                          String unit) {
        StringBuilder msg = new StringBuilder();
        int shift = declaration.length() - unit.length();
        for (Diagnostic<? extends JavaFileObject> d : out.diagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                long p = d.getStartPosition() - at - shift;
                if (p >= 0 && p <= unit.length()) {
                    appendWithCaret(msg, clean(d.getMessage(java.util.Locale.ROOT)), unit, (int) p);
                } else {
                    msg.append("error: ").append(clean(d.getMessage(java.util.Locale.ROOT))).append('\n');
                }
            }
        }
        return msg.toString().stripTrailing();
    }

    /** The compiler's message without the console's own names (the unit class, the receiver variable). */
    private static String clean(String message) {
        StringBuilder out = new StringBuilder();
        for (String line : message.split("\n")) {
            if (line.contains(UnitSource.CLASS_NAME) && line.strip().startsWith("location:")) {
                continue;
            }
            out.append(line.replace(ReceiverRewriter.RECEIVER + ".", "this.").replace(ReceiverRewriter.RECEIVER,
                    "this").replace(UnitSource.CLASS_NAME, "console input")).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static void appendWithCaret(StringBuilder out, String message, String src, int position) {
        out.append("error: ").append(message).append('\n');
        int pos = Math.max(0, Math.min(position, src.length()));
        int lineStart = src.lastIndexOf('\n', Math.max(0, pos - 1)) + 1;
        if (pos > 0 && pos <= src.length() && src.charAt(pos - 1) == '\n') {
            lineStart = pos;
        }
        int lineEnd = src.indexOf('\n', pos);
        out.append(src, lineStart, lineEnd < 0 ? src.length() : lineEnd).append('\n')
                .append(" ".repeat(pos - lineStart)).append("^\n");
    }

    /**
     * A short traceback: type, message, a few frames, the unit's frames named as console input lines.
     *
     * @param unitPrefix the unit class's qualified name in the frame's package
     */
    static String trace(Throwable thrown, UnitSource source, String unitPrefix) {
        StringBuilder out = new StringBuilder();
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < 3; depth++, t = t.getCause()) {
            out.append(depth == 0 ? "" : "Caused by: ").append(t.getClass().getName())
                    .append(t.getMessage() == null ? "" : ": " + t.getMessage()).append('\n');
            int shown = 0;
            int hidden = 0;
            for (StackTraceElement f : t.getStackTrace()) {
                String c = f.getClassName();
                boolean unit = c.startsWith(unitPrefix + "/") || c.equals(unitPrefix) || c.startsWith(unitPrefix + "$$");
                boolean input = unit && (f.getMethodName().equals("$run") || f.getMethodName().startsWith("lambda$$run$"));
                if (unit && (c.contains("$$Lambda") || f.getMethodName().equals("$call"))) {
                    continue; // the plumbing of a call's value (seen only with -XX:+ShowHiddenFrames)
                }
                // The unit is a hidden class, whose frames stack traces leave out: the console's own
                // frame that ran it stands for the input.
                if (input || c.startsWith(UnitClass.class.getPackageName() + ".")) {
                    int line = input ? source.inputLine(f.getLineNumber()) : -1;
                    out.append("    at console input").append(line > 0 ? " (line " + line + ")" : "").append('\n');
                    break; // what called the input is the console's own
                }
                if (c.startsWith("java.lang.invoke.") || c.startsWith("jdk.internal.") || unit && f.getMethodName().equals("$check")) {
                    continue;
                }
                if (shown < TRACE_FRAMES) {
                    out.append("    at ").append(unit ? "console input, method " + f.getMethodName() : f.toString())
                            .append('\n');
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
}
