package demo.bench;

/**
 * What the agent benchmark times in a child JVM with and without {@code -javaagent}: the same
 * bytecode, instrumented or not. Every method returns a result the caller keeps, so the JIT cannot
 * drop the work.
 */
public final class AgentWorkload {

    private static final long[] BASE = {120, 75, 310, 18, 999, 42, 64, 7};

    private AgentWorkload() {
    }

    /**
     * No exception: {@code n} prices, each through three instrumented methods (one recursive, so not
     * all of it is inlined), with a handful of locals each.
     */
    public static long hotLoop(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            int kind = i & 7;
            sum += price(kind, i & 1023, sum);
        }
        return sum;
    }

    private static long price(int kind, int quantity, long previous) {
        long base = BASE[kind];
        long discounted = discount(base * quantity, kind);
        return discounted ^ (previous >>> 7);
    }

    private static long discount(long amount, int kind) {
        int depth = kind % 3 + 1;
        return rule(amount, depth);
    }

    private static long rule(long amount, int depth) {
        if (depth == 0) {
            return amount;
        }
        long cut = amount / 100 * (5 + depth);
        return rule(amount - cut, depth - 1);
    }

    /**
     * No exception, most of the time in the JDK: {@code n} order lines, each split, parsed, looked up
     * in a map and formatted by instrumented methods.
     */
    public static long mixedLoop(int n) {
        java.util.Map<String, Integer> prices = java.util.Map.of("apple", 45, "pear", 80, "durian", 1250);
        String[] skus = {"apple", "pear", "durian"};
        long sum = 0;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String line = skus[i % 3] + ";" + (i & 15);
            out.setLength(0);
            sum += formatLine(out, line, prices);
        }
        return sum;
    }

    private static int formatLine(StringBuilder out, String line, java.util.Map<String, Integer> prices) {
        int separator = line.indexOf(';');
        String sku = line.substring(0, separator);
        int quantity = Integer.parseInt(line, separator + 1, line.length(), 10);
        long cents = (long) prices.get(sku) * quantity;
        out.append(sku).append(" x").append(quantity).append(" = ").append(cents / 100).append('.').append(cents % 100);
        return out.length();
    }

    /** {@code n} exceptions, each thrown and caught in this method: none leaves an instrumented frame. */
    public static int caughtInSameMethod(int n) {
        int caught = 0;
        for (int i = 0; i < n; i++) {
            try {
                if (i >= 0) {
                    throw new IllegalStateException("quantity");
                }
            } catch (IllegalStateException e) {
                caught += e.getMessage().length();
            }
        }
        return caught;
    }

    /** {@code n} exceptions, each thrown in {@code frame5} and leaving five instrumented frames, caught here. */
    public static int throughFiveFrames(int n) {
        int caught = 0;
        for (int i = 0; i < n; i++) {
            try {
                caught += frame1(i);
            } catch (IllegalStateException e) {
                caught++;
            }
        }
        return caught;
    }

    /** One exception through the five frames, for checking what the agent captured. */
    public static IllegalStateException oneThroughFiveFrames() {
        try {
            frame1(7);
        } catch (IllegalStateException e) {
            return e;
        }
        throw new AssertionError("frame5 did not throw");
    }

    private static int frame1(int order) {
        int lines = order + 1;
        String customer = "alice";
        return frame2(lines, customer) + lines;
    }

    private static int frame2(int lines, String customer) {
        long total = lines * 100L;
        boolean member = customer.length() > 3;
        return frame3(total, member) + (int) total;
    }

    private static int frame3(long total, boolean member) {
        double rate = member ? 0.9 : 1.0;
        String currency = "EUR";
        return frame4(total, rate) + currency.length();
    }

    private static int frame4(long total, double rate) {
        long discounted = (long) (total * rate);
        int cents = (int) (discounted % 100);
        return frame5(discounted) + cents;
    }

    private static int frame5(long amount) {
        int limit = 10;
        if (amount > limit) {
            throw new IllegalStateException("over the limit");
        }
        return limit;
    }
}
