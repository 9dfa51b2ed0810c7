package io.runserverplus.benchmarks;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the JMH traceback page benchmarks (settings from their annotations: 1 fork, 3 x 2 s warm-up,
 * 5 x 2 s measurement) and prints a summary with the target check: capture + render at most
 * 10 ms at the median once warm, for each frame mix. Exit code 0 when the target is met, 1 when
 * not. Arguments: {@code --quick} for a smoke run (1 x 1 s each), {@code --no-cold} to skip the
 * informational cold-cache benchmark.
 */
public final class RenderBenchmark {

    static final double TARGET_MEDIAN_MS = 10.0;

    private RenderBenchmark() {
    }

    public static void main(String[] args) throws RunnerException {
        List<String> flags = List.of(args);
        OptionsBuilder options = new OptionsBuilder();
        options.include(TracebackPageBenchmark.class.getName() + "\\.");
        if (!flags.contains("--no-cold")) {
            options.include(ColdTracebackPageBenchmark.class.getName() + "\\.");
        }
        options.shouldFailOnError(true);
        if (flags.contains("--quick")) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(1).measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results = new Runner(options.build()).run();

        System.out.println();
        System.out.println("== Traceback page render (" + System.getProperty("java.vm.name") + " "
                + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs) ==");
        boolean met = true;
        boolean checked = false;
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            String benchmark = params.getBenchmark();
            String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            StringBuilder label = new StringBuilder(name);
            for (String key : params.getParamsKeys()) {
                label.append(' ').append(key).append('=').append(params.getParam(key));
            }
            Statistics stats = result.getPrimaryResult().getStatistics();
            String line = String.format(Locale.ROOT,
                    "%-70s p50=%.3f p90=%.3f p99=%.3f mean=%.3f max=%.3f %s (n=%d)", label, stats.getPercentile(50),
                    stats.getPercentile(90), stats.getPercentile(99), stats.getMean(), stats.getMax(),
                    result.getPrimaryResult().getScoreUnit(), stats.getN());
            if (benchmark.equals(TracebackPageBenchmark.class.getName() + ".captureAndRender")) {
                boolean ok = stats.getPercentile(50) <= TARGET_MEDIAN_MS;
                met &= ok;
                checked = true;
                line += String.format(Locale.ROOT, "  [target p50 <= %.0f ms: %s]", TARGET_MEDIAN_MS,
                        ok ? "MET" : "MISSED");
            } else if (benchmark.startsWith(ColdTracebackPageBenchmark.class.getName())) {
                line += "  [cold caches, informational]";
            }
            System.out.println(line);
        }
        if (checked) {
            System.out.println("render target " + (met ? "MET" : "MISSED"));
        }
        System.exit(met ? 0 : 1);
    }
}
