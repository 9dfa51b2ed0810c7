package io.runserverplus.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Diagnosis ({@code benchmarks/run render --explain}): warm capture + render of both pages with
 * core as it is and with the prototypes of package {@code fixes}, one and both. The setup checks
 * that each prototype yields exactly the same page as core. Shorter measurement than the target
 * benchmark (eight combinations).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ProposedFixesBenchmark {

    @Param({"none", "sourceCache", "callableIndex", "both"})
    public String fixes;

    @Param({"streams", "direct"})
    public String recursion;

    private TracebackPage page;

    @Setup(Level.Trial)
    public void setUp() {
        TracebackPage.Recursion mix = TracebackPage.Recursion.valueOf(recursion);
        page = TracebackPage.create(mix, TracebackPage.Fixes.valueOf(fixes));
        String core = TracebackPage.create(mix).comparablePage();
        // Both failures were thrown from the same code, so the pages may differ only in the id.
        if (!core.equals(page.comparablePage()) || !core.equals(page.comparablePage())) {
            throw new IllegalStateException("The " + fixes + " prototype renders a different page than core");
        }
    }

    @Benchmark
    public String captureAndRender() {
        return page.captureAndRender();
    }
}
