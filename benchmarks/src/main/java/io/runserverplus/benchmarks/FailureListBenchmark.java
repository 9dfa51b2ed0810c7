package io.runserverplus.benchmarks;

import io.runserverplus.core.debugger.DebuggerEndpoint;
import io.runserverplus.core.debugger.FailureLog;
import io.runserverplus.core.debugger.TracebackRegistry;
import io.runserverplus.core.security.TrustedHosts;
import io.runserverplus.spi.DebugRequest;
import io.runserverplus.spi.DebugResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code GET /__debugger__/} through core's real {@link DebuggerEndpoint} with the registry full:
 * 64 kept failures of the benchmark app (~150 frames each), each its own row. Target: at most
 * 5 ms at the median once warm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FailureListBenchmark {

    static final int FAILURES = 64;

    private DebuggerEndpoint endpoint;
    private DebugRequest list;

    @Setup(Level.Trial)
    public void setUp() {
        TracebackPage page = TracebackPage.create(TracebackPage.Recursion.direct);
        TracebackRegistry registry = new TracebackRegistry();
        for (int i = 0; i < FAILURES; i++) {
            DebugRequest failed = new DebugRequest("POST", "/orders/" + i, "", "HTTP/1.1", false,
                    Map.of("Host", List.of("127.0.0.1:8000")), "127.0.0.1");
            // Each a shape of its own, so the list has 64 rows rather than one counted 64 times.
            registry.register(page.capture(), failed,
                    new TracebackRegistry.Outcome(500, i % 4 == 0, new FailureLog.Seen("shape-" + i, 1 + i % 3)));
        }
        endpoint = new DebuggerEndpoint(() -> null, registry, () -> null, () -> null, () -> null,
                () -> null, () -> null, new FailureLog(), new TrustedHosts(List.of(), "127.0.0.1"), null,
                null, () -> null, () -> null, new io.runserverplus.core.console.ConsoleSupport(), () -> null);
        list = new DebugRequest("GET", DebuggerEndpoint.PREFIX, "", "HTTP/1.1", false,
                Map.of("Host", List.of("127.0.0.1:8000"), "Accept", List.of("text/html")), "127.0.0.1");
        DebugResponse answer = endpoint.handleCommand(list);
        long rows = answer.bodyText().lines().filter(line -> line.startsWith("<tr class=\"failure")).count();
        if (answer.status() != 200 || rows != FAILURES) {
            throw new IllegalStateException("the list is not the one the target is about: status " + answer.status()
                    + ", " + rows + " rows");
        }
    }

    @Benchmark
    public DebugResponse listOf64Failures() {
        return endpoint.handleCommand(list);
    }
}
