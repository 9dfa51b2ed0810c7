package io.runserverplus.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The throughput benchmark's summary: per variant the medians of its rounds, compared with the first variant's. */
final class ThroughputReport {

    private ThroughputReport() {
    }

    /** Prints the summary; returns the exit code (0 when the target is met or diagnostic variants ran, else 1). */
    static int print(List<String> variants, Map<String, List<WrkRun>> runs) {
        String baseline = variants.getFirst();
        double base = median(runs.get(baseline), WrkRun::requestsPerSecond);
        double baseCpu = median(runs.get(baseline), WrkRun::cpuMicrosPerRequest);
        System.out.println();
        StringBuilder summary = new StringBuilder();
        boolean met = false;
        for (String variant : variants) {
            List<WrkRun> mine = runs.get(variant);
            double[] rates = mine.stream().mapToDouble(WrkRun::requestsPerSecond).toArray();
            double rate = Stats.median(rates);
            double cpu = median(mine, WrkRun::cpuMicrosPerRequest);
            System.out.printf(Locale.ROOT, "%-16s median %.0f req/s (min %.0f, max %.0f); server CPU per request:"
                            + " %.1f us (%+.1f%% vs %s) = request threads %.2f + log writer %.2f + GC/JIT %.2f%n",
                    variant, rate, Arrays.stream(rates).min().orElse(0), Arrays.stream(rates).max().orElse(0), cpu,
                    (cpu / baseCpu - 1) * 100, baseline,
                    median(mine, WrkRun::threadMicrosPerRequest),
                    median(mine, WrkRun::writerMicrosPerRequest),
                    median(mine, WrkRun::otherMicrosPerRequest));
            if (!variant.equals(baseline)) {
                summary.append(String.format(Locale.ROOT, " %s=%.0f ratio(%s)=%.3f", variant, rate, variant,
                        rate / base));
                // Each round runs the two back to back in one fork, so a slow drift in the machine's other load
                // mostly cancels out of the round's own ratio: a second, steadier estimate.
                double[] paired = new double[Math.min(mine.size(), runs.get(baseline).size())];
                for (int i = 0; i < paired.length; i++) {
                    paired[i] = mine.get(i).requestsPerSecond() / runs.get(baseline).get(i).requestsPerSecond();
                }
                System.out.printf(Locale.ROOT, "%-16s ratio to %s in each round: %s (median %.3f)%n", "", baseline,
                        Arrays.stream(paired).mapToObj(r -> String.format(Locale.ROOT, "%.3f", r))
                                .collect(Collectors.joining(" ")), Stats.median(paired));
            }
            if ("rsp".equals(variant)) {
                met = rate / base >= ThroughputBenchmark.TARGET_RATIO;
            }
        }
        if (variants.size() > 2 || !variants.equals(List.of("bare", "rsp"))) {
            System.out.println("ratios to " + baseline + ":" + summary);
        }
        if (!"bare".equals(baseline) || !runs.containsKey("rsp")) {
            return 0;
        }
        double rsp = median(runs.get("rsp"), WrkRun::requestsPerSecond);
        System.out.printf(Locale.ROOT, "bare=%.0f rsp=%.0f ratio=%.3f%n", base, rsp, rsp / base);
        System.out.printf(Locale.ROOT, "throughput target ratio >= %.2f: %s%n", ThroughputBenchmark.TARGET_RATIO,
                met ? "MET" : "MISSED");
        return met || variants.size() > 2 ? 0 : 1;
    }

    /** The median of one figure over the runs. */
    private static double median(List<WrkRun> runs, ToDoubleFunction<WrkRun> figure) {
        return Stats.median(runs.stream().mapToDouble(figure).toArray());
    }
}
