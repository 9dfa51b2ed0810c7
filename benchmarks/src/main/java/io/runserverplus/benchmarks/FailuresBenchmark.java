package io.runserverplus.benchmarks;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the failures-list benchmarks (#17) and checks their targets: {@link FailureListBenchmark}
 * (JMH: the list of 64 failures at most 5 ms at the median once warm) and {@link AppHandledHookBenchmark}
 * (recording app-handled failures adds at most 1 µs to a request that does not fail, measured
 * against the same server without it in the same run, alternating). Exit code 0 when both are met, 1 when
 * not. {@code --quick} for a smoke run.
 */
public final class FailuresBenchmark {

    static final double LIST_TARGET_MS = 5.0;
    static final double HOOK_TARGET_US = 1.0;

    private FailuresBenchmark() {
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        OptionsBuilder options = new OptionsBuilder();
        options.include(FailureListBenchmark.class.getName() + "\\.");
        options.shouldFailOnError(true);
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(2).measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results = new Runner(options.build()).run();

        System.out.println();
        System.out.println("== Failures list and app-handled recording (" + System.getProperty("java.vm.name") + " "
                + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs) ==");
        boolean met = true;
        for (RunResult result : results) {
            Statistics stats = result.getPrimaryResult().getStatistics();
            boolean ok = stats.getPercentile(50) <= LIST_TARGET_MS;
            met &= ok;
            System.out.println(String.format(Locale.ROOT,
                    "list of %d failures: p50=%.3f p90=%.3f p99=%.3f ms (n=%d)  [target p50 <= %.0f ms: %s]",
                    FailureListBenchmark.FAILURES, stats.getPercentile(50), stats.getPercentile(90),
                    stats.getPercentile(99), stats.getN(), LIST_TARGET_MS, ok ? "MET" : "MISSED"));
        }
        List<AppHandledHookBenchmark.Round> rounds;
        try (AppHandledHookBenchmark hook = new AppHandledHookBenchmark()) {
            rounds = hook.run(quick ? 6 : 30, quick ? 1_000 : 3_000);
        }
        double without = median(rounds.stream().mapToDouble(AppHandledHookBenchmark.Round::without).toArray());
        double with = median(rounds.stream().mapToDouble(AppHandledHookBenchmark.Round::with).toArray());
        double added = median(rounds.stream().mapToDouble(AppHandledHookBenchmark.Round::added).toArray());
        double[] spread = rounds.stream().mapToDouble(AppHandledHookBenchmark.Round::added).sorted().toArray();
        boolean ok = added <= HOOK_TARGET_US;
        met &= ok;
        System.out.println(String.format(Locale.ROOT,
                "request that does not fail (Javalin, in-memory connector, CPU time, median of %d rounds):"
                        + " without recording %.2f µs, with %.2f µs, ratio %.4f, added %.3f µs  [target <= %.0f µs: %s]",
                rounds.size(), without, with, with / without, added, HOOK_TARGET_US, ok ? "MET" : "MISSED"));
        System.out.println("  rounds (without/with µs): " + rounds.stream()
                .map(round -> String.format(Locale.ROOT, "%.2f/%.2f", round.without(), round.with()))
                .collect(java.util.stream.Collectors.joining(" ")));
        System.out.println(String.format(Locale.ROOT, "  added per round: quartiles %.3f / %.3f / %.3f µs",
                spread[spread.length / 4], added, spread[spread.length * 3 / 4]));
        System.out.println("failures targets " + (met ? "MET" : "MISSED"));
        System.exit(met ? 0 : 1);
    }
}
