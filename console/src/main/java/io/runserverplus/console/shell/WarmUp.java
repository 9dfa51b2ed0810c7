package io.runserverplus.console.shell;

import io.runserverplus.spi.CapturedVariable;
import io.runserverplus.spi.FrameInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The warm-up of a spare JShell: a fresh JShell's first evaluations are slow while javac's code for
 * them is loaded and compiled, so the spare evaluates typical inputs before a session gets it.
 */
final class WarmUp {

    /**
     * Inputs of the kinds users type, evaluated in a spare JShell before a session gets it so that javac's
     * code for each (types, lambdas, generic calls, string concatenation, declarations, the one-snippet
     * forms with bound variables) is loaded and compiled before anyone waits for it.
     */
    static final List<String> INPUTS = List.of(
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

    private WarmUp() {
    }

    /**
     * Evaluates {@link #INPUTS} in {@code engine} with a frame bound, then drops every snippet it made
     * and unbinds the values, so the session that gets the engine starts as from a fresh one. Runs on
     * the engine's thread without the time limit; on the caller's thread waits for it.
     */
    static void run(Engine engine, ConsoleConfig config) {
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
            try {
                for (String input : INPUTS) {
                    s.evaluateHere(input, true, 4096, new AtomicBoolean());
                }
            } finally {
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
}
