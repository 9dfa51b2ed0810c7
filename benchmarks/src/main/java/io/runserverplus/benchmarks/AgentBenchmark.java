package io.runserverplus.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the capture agent costs an application: {@code benchmarks/run agent [options]}.
 *
 * <ul>
 *   <li>Overhead ({@link AgentOverhead}): {@link demo.bench.AgentWorkload} (loaded from
 *       {@code target/classes}, so instrumented) in child JVMs with and without
 *       {@code -javaagent:<console jar>}, alternating, several rounds;
 *       each child warms the JIT up, then times samples of each workload. Targets: a hot loop without
 *       exceptions at most 1.02 times agent-off, 100 000 exceptions caught where thrown at most 1.05
 *       times, an exception leaving 5 instrumented frames at most 1 µs more per frame.
 *       Measured twice: with the JVM's default JIT, and with {@code -XX:TieredStopAtLevel=1} (C1 only), the
 *       option the reloader starts the application's child JVM with ({@code --c2-only} skips that), where
 *       the agent also gets the C1 inlining limits its supervisor adds with it.
 *   <li>Start-up ({@link AgentStartup}): the Javalin demo ({@code examples/javalin-demo},
 *       {@code --noreload}) from JVM start to its first served request, with and without the agent,
 *       alternating. Target: at most 1.10 times agent-off.
 * </ul>
 *
 * <p>Times are the measuring thread's CPU time (the workloads are single-threaded), which other
 * processes on a shared machine do not inflate; wall-clock times and the whole process's CPU are
 * printed beside them.
 */
public final class AgentBenchmark {

    private AgentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            AgentOverhead.child(Integer.parseInt(args[1]));
            return;
        }
        int rounds = 5;
        int samples = 11;
        int runs = 7;
        boolean overhead = true;
        boolean startup = true;
        boolean c1 = true;
        boolean sameJit = false;
        for (String arg : args) {
            if (arg.startsWith("--rounds=")) {
                rounds = Integer.parseInt(arg.substring("--rounds=".length()));
            } else if (arg.startsWith("--samples=")) {
                samples = Integer.parseInt(arg.substring("--samples=".length()));
            } else if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring("--runs=".length()));
            } else if (arg.equals("--overhead-only")) {
                startup = false;
            } else if (arg.equals("--startup-only")) {
                overhead = false;
            } else if (arg.equals("--c2-only")) {
                c1 = false;
            } else if (arg.equals("--same-jit")) {
                sameJit = true;
            } else {
                System.err.println("Unknown argument: " + arg
                        + " (options: --rounds=5 --samples=11 --runs=7 --overhead-only --startup-only --c2-only --same-jit)");
                System.exit(2);
            }
        }
        Path agentJar = agentJar();
        boolean met = true;
        if (overhead) {
            AgentOverhead measure = new AgentOverhead(agentJar, rounds, samples, sameJit);
            met &= measure.run(List.of());
            if (c1) {
                System.out.println();
                met &= measure.run(List.of(AgentOverhead.RELOADER_CHILD_JIT));
            }
        }
        if (startup) {
            if (overhead) {
                System.out.println();
            }
            met &= AgentStartup.run(agentJar, runs);
        }
        System.out.println("agent target " + (met ? "MET" : "MISSED"));
        System.exit(met ? 0 : 1);
    }

    /** The console jar (the agent, manifest included) on this JVM's class path, or {@code -Drsp.bench.agent}. */
    static Path agentJar() {
        String configured = System.getProperty("rsp.bench.agent");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.getFileName().toString().matches("runserverplus-console-.*\\.jar"))
                .findFirst().map(Path::toAbsolutePath)
                .orElseThrow(() -> new IllegalStateException("no runserverplus-console jar on the class path: build with"
                        + " the package phase (benchmarks/run does), or pass -Drsp.bench.agent=<console jar>"));
    }
}
