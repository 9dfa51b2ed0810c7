package io.runserverplus.console.agent.testfixture;

/** Methods whose instrumented shape InstrumentedShapeTest checks. */
@SuppressWarnings("unused")
public final class Shapes {
    private static final long[] BASE = {120, 75};
    private int count;
    private Shapes next;

    /** Nothing in it can throw: left as it is. */
    int count() {
        return count;
    }

    void count(int count) {
        this.count = count;
    }

    static int twice(int x) {
        int y = x * 2 / 3;
        return y + 1;
    }

    /** Only the call can throw: one handler, whatever the variables before it. */
    static long rule(long amount, int depth) {
        if (depth == 0) {
            return amount;
        }
        long cut = amount / 100 * (5 + depth);
        return rule(amount - cut, depth - 1);
    }

    /** Same variable types as {@link #rule}: the same helper. */
    static long other(long total, int times) {
        long step = total % 7;
        return rule(total + step, times);
    }

    /** The array load and the call see different variables: two handlers. */
    static long price(int kind, int quantity) {
        long base = BASE[kind];
        return rule(base * quantity, kind);
    }

    int nextCount() {
        return next.count;
    }
}
