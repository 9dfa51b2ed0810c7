package io.runserverplus.console.frame;

import io.runserverplus.spi.CapturedVariable;
import io.runserverplus.spi.FrameInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates inputs of the kinds users type in a throw-away frame console, so that javac's code for
 * them (parsing, attribution of generic calls and lambdas, code generation) and the console's are
 * loaded and compiled before the first real input waits for them.
 */
final class FrameWarmUp {

    static final List<String> INPUTS = List.of(
            "count + 1",
            "stock.get(\"apple\") + count",
            "this.count = count + 1",
            "label + \" owes \" + total(List.of(\"apple\"))",
            "int y = 2;",
            "y * count",
            "var copy = new ArrayList<String>(stock.keySet())",
            "copy.stream().map(String::toUpperCase).filter(s -> !s.isEmpty()).toList()",
            "for (int i = 0; i < 3; i++) copy.add(label + i);",
            "System.out.println(label)",
            "int thrice(int x) { return 3 * x; }",
            "thrice(count)",
            "count + notDeclaredAnywhere",
            "Integer.parseInt(label)");

    private FrameWarmUp() {
    }

    static void run(FrameConsoles consoles, Duration timeLimit, int outputLimit) {
        Frame frame = new Frame();
        FrameConsole console = new FrameConsole("warm-up", consoles.compiler(), consoles.splitter(), timeLimit,
                outputLimit, new IllegalStateException("warm-up"), null);
        try {
            console.bind(new FrameInfo(0, Frame.class.getName(), "total", "FrameWarmUp.java", 1),
                    List.of(new CapturedVariable("this", Frame.class.getName(), frame),
                            new CapturedVariable("label", "java.lang.String", "apple"),
                            new CapturedVariable("items", "java.util.List<java.lang.String>", List.of("apple"))),
                    FrameWarmUp.class.getClassLoader(), null);
            for (String input : INPUTS) {
                console.eval(input);
            }
            console.complete("stock.ge", 8);
            console.complete("co", 2);
        } finally {
            console.close();
        }
    }

    /** The warm-up's frame class: a private field of a generic type, a field, a method. */
    static final class Frame {
        private final Map<String, Integer> stock = new HashMap<>(Map.of("apple", 3));
        private int count = 3;

        long total(List<String> items) {
            return new ArrayList<>(items).size() * (long) count;
        }
    }
}
