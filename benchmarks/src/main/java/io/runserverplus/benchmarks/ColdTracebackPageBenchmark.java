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
 * For information (no target): the first failure through code whose files are not yet parsed,
 * i.e. capture + render with empty parse and highlight caches, so every source file on the page
 * (ours and the JDK's) is parsed and highlighted. Each shot gets fresh core objects.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 15)
@Fork(1)
@State(Scope.Benchmark)
public class ColdTracebackPageBenchmark {

    @Param({"streams", "direct"})
    public String recursion;

    private TracebackPage page;

    @Setup(Level.Iteration)
    public void freshCaches() {
        page = TracebackPage.create(TracebackPage.Recursion.valueOf(recursion));
    }

    @Benchmark
    public String firstCaptureAndRender() {
        return page.captureAndRender();
    }
}
