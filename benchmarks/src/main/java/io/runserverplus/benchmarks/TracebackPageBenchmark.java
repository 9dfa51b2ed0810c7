package io.runserverplus.benchmarks;

import io.runserverplus.core.traceback.Traceback;
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
 * The traceback page once warm (JIT compiled, the parse and highlight caches filled by earlier
 * failures of the same code), for both frame mixes of {@link TracebackPage.Recursion}.
 * Target: capture + render at most 10 ms at the median.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class TracebackPageBenchmark {

    /** The page's frame mix: mostly JDK stream frames, or mostly frames of ours. */
    @Param({"streams", "direct"})
    public String recursion;

    private TracebackPage page;
    private Traceback captured;

    @Setup(Level.Trial)
    public void setUp() {
        page = TracebackPage.create(TracebackPage.Recursion.valueOf(recursion));
        captured = page.capture();
        System.out.println(page.describe());
    }

    /** What a failing request costs: capture (classify, read sources, find callables) and render. */
    @Benchmark
    public String captureAndRender() {
        return page.captureAndRender();
    }

    /** Rendering an already captured traceback (e.g. the page asked for again). */
    @Benchmark
    public String renderOnly() {
        return page.render(captured);
    }
}
