package demo.capture;

import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/** Failing code of every shape the agent must capture; each method's expected locals are in CaptureAgentIT. */
public class Scenarios {
    static int plain(int count) {
        String label = "items";
        int total = count * 2;
        List<String> names = List.of("a", "b");
        Object missing = null;
        return missing.hashCode() + total + label.length() + names.size(); // NullPointerException
    }

    static void wide(String why, long big, double ratio) {
        long sum = big + 1;
        double half = ratio / 2;
        int after = 9;
        throw new IllegalStateException(why + sum + half + after);
    }

    static void slotReuse() {
        {
            long gone = 5;
            if (gone < 0) {
                return;
            }
        }
        int b = 1; // takes the first slot of the long above
        int c = 2; // and its second half
        throw new IllegalStateException("reuse " + b + c);
    }

    /** An instance method: {@code this} is captured. */
    public static final class Account {
        final String owner = "ann";
        int balance = 10;

        void withdraw(int amount) {
            int left = balance - amount;
            if (left < 0) {
                throw new IllegalArgumentException("overdrawn by " + -left);
            }
        }

        @Override
        public String toString() {
            return "Account[" + owner + "]";
        }
    }

    /** A constructor failing after super(): this, parameters and locals are captured. */
    public static class Widget {
        final String name;

        Widget(String name, int size) {
            super();
            this.name = name;
            int area = size * size;
            if (area > 10) {
                throw new IllegalArgumentException("too big: " + area);
            }
        }

        @Override
        public String toString() {
            return "Widget[" + name + "]";
        }
    }

    /** A constructor failing inside its super(...) argument: its own frame is not captured. */
    public static final class Early extends Widget {
        Early(String name) {
            super(check(name), 1);
        }

        static String check(String name) {
            throw new IllegalStateException("early " + name);
        }
    }

    static int lambda(String prefix) {
        Function<Integer, Integer> f = x -> {
            int y = x + prefix.length();
            throw new ArithmeticException("y=" + y);
        };
        return f.apply(4);
    }

    static void synchronizedBlock(Object lock) {
        String before = "outside";
        synchronized (lock) {
            int inside = 4;
            throw new IllegalStateException(before + inside);
        }
    }

    static void tryFinally() {
        int state = 1;
        try {
            state = 2;
            throw new IllegalStateException("in try, state " + state);
        } finally {
            state = 3; // the frame is left after this ran: state is 3
        }
    }

    static String switches(int mode, String kind) {
        switch (mode) {
            case 1 -> {
                return "one";
            }
            case 2 -> {
                String picked = switch (kind) {
                    case "a" -> "alpha";
                    case "b" -> "beta";
                    default -> "other";
                };
                throw new IllegalStateException(picked);
            }
            default -> {
                return "many";
            }
        }
    }

    static int loops(List<String> words) {
        int found = 0;
        Iterator<String> it = words.iterator();
        while (it.hasNext()) {
            String word = it.next();
            for (int i = 0; i < 10; i++) {
                int square = i * i;
                if (square > 20 && word.equals("two")) {
                    throw new IndexOutOfBoundsException("square " + square);
                }
            }
            found++;
        }
        return found;
    }

    static void rethrowsOwn() {
        try {
            throw new IllegalStateException("own");
        } catch (IllegalStateException e) {
            String note = "rethrown";
            throw note.isEmpty() ? new RuntimeException() : e;
        }
    }

    static void level1(int a) {
        int one = a + 1;
        level2(one);
    }

    static void level2(int b) {
        int two = b + 1;
        level3(two);
    }

    static void level3(int c) {
        throw new UnsupportedOperationException("level3 " + c);
    }

    static void caughtInside() {
        int kept = 1;
        try {
            level3(kept);
        } catch (UnsupportedOperationException e) {
            kept = 2; // caught here: this frame is not left, only level3 is
        }
        throw new IllegalStateException("after catch " + kept);
    }

    static int recurse(int depth) {
        int next = depth + 1;
        return recurse(next) + 1; // StackOverflowError: capture code may overflow too, and must not replace it
    }

    /** A default method of an interface. */
    public interface Greeter {
        default String greet(String who) {
            String greeting = "hello " + who;
            throw new IllegalStateException(greeting);
        }
    }

    /** A static initializer that fails: the error wraps the exception that left {@code <clinit>}. */
    public static final class BadInit {
        static final int VALUE;

        static {
            int seed = 41;
            VALUE = seed / (seed - 41);
        }
    }

    /** Exceptions thrown by the JVM, not by a call: each instruction that can throw is covered. */
    static int at(int[] values, int index) {
        return values[index]; // ArrayIndexOutOfBoundsException
    }

    static int ratio(int total, int parts) {
        int whole = total / 10; // by a constant: cannot throw, so not covered
        return whole / parts; // ArithmeticException
    }

    /** {@code next.count} of a null {@code next}: a field of another object than {@code this}. */
    public static final class Holder {
        int count = 1;
        Holder next;

        int nextCount() {
            return next.count;
        }

        @Override
        public String toString() {
            return "Holder";
        }
    }
}
