package io.runserverplus.console.frame;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The Java source of one console unit: a class in the frame's package whose static {@code $run}
 * declares the bound variables the input uses as locals (read from {@code in}, written back to
 * {@code out} when it ends), then runs the input. The console's declared methods are its members.
 * Knows where the input starts, to map the compiler's positions back to the input.
 */
final class UnitSource {

    static final String CLASS_NAME = "$ConsoleUnit";

    /** One bound variable: its name and the type it is declared with. */
    record Binding(String name, String type) {}

    private final StringBuilder text = new StringBuilder();
    private final List<String> importLines = new ArrayList<>();
    private int firstImportLine;
    private int inputStart = -1;
    private int inputLength;
    private int membersStart;
    private int membersEnd;

    /**
     * @param packageName the frame's package
     * @param imports every import, one declaration each
     * @param receiverType the receiver's type, or {@code null} in a static frame
     * @param members the console's declared methods (already static)
     * @param member an input that is itself a member (a method), or {@code null}
     * @param bindings the bound variables the input uses: read from {@code in[1..]}, written to {@code out[1..]}
     * @param body the input as statements of {@code $run}, or {@code null} (a member input)
     * @param bodyPrefix what precedes the input in the body (e.g. {@code $out[0] = }) and {@code bodySuffix} what follows
     */
    UnitSource(String packageName, Collection<String> imports, String receiverType, Collection<String> members,
               String member, List<Binding> bindings, String bodyPrefix, String body, String bodySuffix) {
        if (!packageName.isEmpty()) {
            text.append("package ").append(packageName).append(";\n");
        }
        firstImportLine = packageName.isEmpty() ? 1 : 2;
        for (String i : imports) {
            text.append(i).append('\n');
            importLines.add(i);
        }
        text.append("final class ").append(CLASS_NAME).append(" {\n");
        if (receiverType != null) {
            text.append("static ").append(receiverType).append(' ').append(ReceiverRewriter.RECEIVER).append(";\n");
        }
        // For a call: $call(out, () -> call) keeps its value, or out itself when it is void (the
        // lambda is a Callable when the call has a value, else an AutoCloseable: one compilation either way).
        text.append("static void $call(Object[] o, java.util.concurrent.Callable<?> c) throws Exception"
                + " { o[0] = c.call(); }\n");
        text.append("static void $call(Object[] o, AutoCloseable c) throws Exception { c.close(); o[0] = o; }\n");
        membersStart = text.length();
        for (String m : members) {
            text.append(m).append('\n');
        }
        membersEnd = text.length();
        if (member != null) {
            inputStart = text.length();
            inputLength = member.length();
            text.append(member).append('\n');
        }
        text.append("public static void $run(Object[] $in, Object[] $out) throws Throwable {\n");
        if (receiverType != null) {
            text.append(ReceiverRewriter.RECEIVER).append(" = (").append(receiverType).append(") $in[0];\n");
        }
        for (int i = 0; i < bindings.size(); i++) {
            Binding b = bindings.get(i);
            text.append(b.type()).append(' ').append(b.name()).append(" = (").append(b.type()).append(") $in[")
                    .append(i + 1).append("];\n");
        }
        text.append("try {\n");
        if (body != null) {
            text.append(bodyPrefix);
            inputStart = text.length();
            inputLength = body.length();
            text.append(body).append('\n').append(bodySuffix).append('\n');
        }
        text.append("} finally {\n");
        for (int i = 0; i < bindings.size(); i++) {
            text.append("$out[").append(i + 1).append("] = ").append(bindings.get(i).name()).append(";\n");
        }
        text.append("}\n}\n}\n");
    }

    /** The import declaration on line {@code line} (1-based), or {@code null}. */
    String importOn(long line) {
        long index = line - firstImportLine;
        return index >= 0 && index < importLines.size() ? importLines.get((int) index) : null;
    }

    String text() {
        return text.toString();
    }

    /** The position in the (edited) input of {@code position} in the unit's source, or -1 outside the input. */
    int inputPosition(long position) {
        long p = position - inputStart;
        return inputStart < 0 || p < 0 || p > inputLength ? -1 : (int) p;
    }

    /** Whether {@code position} lies in the console's declared methods. */
    boolean inMembers(long position) {
        return position >= membersStart && position < membersEnd;
    }

    /** Line {@code line} (1-based) of the unit's source as a line of the input, or -1. */
    int inputLine(int line) {
        if (inputStart < 0) {
            return -1;
        }
        int startLine = 1;
        for (int i = 0; i < inputStart; i++) {
            if (text.charAt(i) == '\n') {
                startLine++;
            }
        }
        int inputLine = line - startLine + 1;
        int lines = (int) text.substring(inputStart, inputStart + inputLength).chars().filter(c -> c == '\n').count() + 1;
        return inputLine >= 1 && inputLine <= lines ? inputLine : -1;
    }

}
