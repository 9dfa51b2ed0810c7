package demo.capture;

/**
 * The workload CaptureBenchmark times with and without the agent: prints {@code name nanos} lines,
 * each the best of several rounds (no JMH: a rough figure for the design, not a published number).
 */
public final class BenchWorkload {
    static volatile long sink;

    public static void main(String[] args) {
        report("hot-loop-ns-per-call", 5_000_000, BenchWorkload::hotLoop);
        report("caught-in-same-method-ns-per-exception", 100_000, BenchWorkload::caughtInSameMethod);
        report("through-5-frames-ns-per-exception", 100_000, BenchWorkload::throughFiveFrames);
    }

    interface Body {
        void run(int n);
    }

    private static void report(String name, int n, Body body) {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 7; round++) {
            long start = System.nanoTime();
            body.run(n);
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("%s %.2f%n", name, (double) best / n);
    }

    private static void hotLoop(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += mix(i, sum);
        }
        sink = sum;
    }

    private static long mix(int i, long previous) {
        long shifted = previous >>> 3;
        return (i * 31L) ^ shifted;
    }

    private static void caughtInSameMethod(int n) {
        int caught = 0;
        for (int i = 0; i < n; i++) {
            try {
                throw new IllegalStateException();
            } catch (IllegalStateException e) {
                caught++;
            }
        }
        sink = caught;
    }

    private static void throughFiveFrames(int n) {
        int caught = 0;
        for (int i = 0; i < n; i++) {
            try {
                frame1(i);
            } catch (IllegalStateException e) {
                caught++;
            }
        }
        sink = caught;
    }

    private static int frame1(int i) {
        int a = i + 1;
        return frame2(a) + a;
    }

    private static int frame2(int i) {
        int b = i + 2;
        return frame3(b) + b;
    }

    private static int frame3(int i) {
        String c = "three";
        return frame4(i) + c.length();
    }

    private static int frame4(int i) {
        long d = i * 4L;
        return frame5(i) + (int) d;
    }

    private static int frame5(int i) {
        throw new IllegalStateException();
    }
}
