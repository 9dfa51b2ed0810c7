package io.runserverplus.benchmarks;

import demo.bench.AgentWorkload;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToLongFunction;

/**
 * The agent benchmark's overhead part: {@link AgentWorkload} in child JVMs with and without the
 * agent, alternating, each child timing samples of each workload after warming the JIT up (see
 * {@link AgentBenchmark}). The driver's side is {@link #run}; the child's is {@link #child}.
 */
final class AgentOverhead {

    static final double HOT_LOOP_TARGET = 1.02;
    static final double CAUGHT_TARGET = 1.05;
    static final double PER_FRAME_TARGET_NS = 1000;
    static final int FRAMES = 5;
    /** What the reloader gives the application's child JVM (its supervisor then adds the agent's JIT options). */
    static final String RELOADER_CHILD_JIT = "-XX:TieredStopAtLevel=1";

    /** The workloads a child times: name, operations per sample, the work (returns something to keep). */
    private record Workload(String name, String label, int operations, IntToLongFunction body) {
    }

    private static final List<Workload> WORKLOADS = List.of(
            new Workload("hot", "hot loop, no exception (ns/iteration)", 30_000_000, AgentWorkload::hotLoop),
            new Workload("mixed", "hot loop through JDK code (not a target, ns/iteration)", 1_000_000,
                    AgentWorkload::mixedLoop),
            new Workload("caught", "100k exceptions caught where thrown (ns/exception)", 100_000,
                    AgentWorkload::caughtInSameMethod),
            new Workload("through5", "exception through 5 frames (ns/exception)", 100_000,
                    AgentWorkload::throughFiveFrames));

    private final Path agentJar;
    private final int rounds;
    private final int samples;
    /**
     * {@code --same-jit}: the agent-off child gets the agent's C1 inlining limits too, which isolates
     * the agent's own cost from what those limits do for any code (not what a user compares: a child
     * without the console jar runs without them).
     */
    private final boolean sameJit;

    AgentOverhead(Path agentJar, int rounds, int samples, boolean sameJit) {
        this.agentJar = agentJar;
        this.rounds = rounds;
        this.samples = samples;
        this.sameJit = sameJit;
    }

    /**
     * The agent's options: in the reloader's child ({@code -XX:TieredStopAtLevel=1}), as the
     * supervisor adds it, {@code -javaagent} and the C1 inlining limits that go with it; else, as a
     * user adds it by hand with {@code --noreload}, {@code -javaagent} alone.
     */
    private List<String> agentOptions(String argument, List<String> jvmOptions) {
        List<String> options = new ArrayList<>(List.of("-javaagent:" + agentJar + "=" + argument));
        if (jvmOptions.contains(RELOADER_CHILD_JIT)) {
            options.addAll(ConsoleBridge.agentJitOptions());
        }
        return options;
    }

    /** All rounds with {@code jvmOptions}; prints each round and the summary, returns whether the targets were met. */
    boolean run(List<String> jvmOptions) throws Exception {
        Path cache = Path.of(System.getProperty("rsp.bench.logs", "benchmarks/target"), "agent-cache").toAbsolutePath();
        List<String> agent = agentOptions("cache=" + cache, jvmOptions);
        System.out.println("== Agent overhead: " + AgentWorkload.class.getName() + " in child JVMs"
                + (jvmOptions.isEmpty() ? "" : " " + String.join(" ", jvmOptions)) + " without"
                + (sameJit && jvmOptions.contains(RELOADER_CHILD_JIT) ? " (but with " + ConsoleBridge.agentJitOptions() + ")" : "")
                + " and with " + agent
                + ", " + rounds + " rounds alternating, each the median of " + samples + " samples after warm-up ("
                + Runtime.getRuntime().availableProcessors() + " CPUs) ==");
        Map<String, List<Double>> off = new LinkedHashMap<>();
        Map<String, List<Double>> on = new LinkedHashMap<>();
        Map<String, List<Double>> offWall = new LinkedHashMap<>();
        Map<String, List<Double>> onWall = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            boolean offFirst = round % 2 == 0;
            for (boolean withAgent : offFirst ? new boolean[] {false, true} : new boolean[] {true, false}) {
                List<String> options = new ArrayList<>(jvmOptions);
                if (withAgent) {
                    options.addAll(agent);
                } else if (sameJit && jvmOptions.contains(RELOADER_CHILD_JIT)) {
                    options.addAll(ConsoleBridge.agentJitOptions());
                }
                ChildResult result = runChild(options);
                String expected = withAgent ? "agent true frames " + FRAMES : "agent false frames 0";
                if (!result.check().equals(expected)) {
                    throw new IllegalStateException("the child " + (withAgent ? "with" : "without")
                            + " the agent captured unexpectedly: '" + result.check() + "', expected '" + expected + "'");
                }
                for (Workload w : WORKLOADS) {
                    (withAgent ? on : off).computeIfAbsent(w.name(), k -> new ArrayList<>()).add(result.cpu().get(w.name()));
                    (withAgent ? onWall : offWall).computeIfAbsent(w.name(), k -> new ArrayList<>())
                            .add(result.wall().get(w.name()));
                }
                System.out.printf(Locale.ROOT, "round %d %-3s", round + 1, withAgent ? "on" : "off");
                for (Workload w : WORKLOADS) {
                    System.out.printf(Locale.ROOT, "  %s %.1f ns (wall %.1f)", w.name(), result.cpu().get(w.name()),
                            result.wall().get(w.name()));
                }
                System.out.printf(Locale.ROOT, "  [process CPU %.2f s, GC %d ms]%n", result.processCpuSeconds(),
                        result.gcMillis());
            }
        }
        boolean met = true;
        for (Workload w : WORKLOADS) {
            double offMedian = Stats.median(off.get(w.name()));
            double onMedian = Stats.median(on.get(w.name()));
            double ratio = onMedian / offMedian;
            double wallRatio = Stats.median(onWall.get(w.name())) / Stats.median(offWall.get(w.name()));
            System.out.printf(Locale.ROOT, "%-52s off %8.1f %s  on %8.1f %s  ratio %.3f (wall %.3f)", w.label(),
                    offMedian, rounded(off.get(w.name())), onMedian, rounded(on.get(w.name())), ratio, wallRatio);
            switch (w.name()) {
                case "hot" -> {
                    boolean ok = ratio <= HOT_LOOP_TARGET;
                    met &= ok;
                    System.out.printf(Locale.ROOT, "  [target <= %.2f: %s]%n", HOT_LOOP_TARGET, ok ? "MET" : "MISSED");
                }
                case "mixed" -> System.out.println();
                case "caught" -> {
                    boolean ok = ratio <= CAUGHT_TARGET;
                    met &= ok;
                    System.out.printf(Locale.ROOT, "  [target <= %.2f: %s]%n", CAUGHT_TARGET, ok ? "MET" : "MISSED");
                }
                default -> {
                    double perFrame = (onMedian - offMedian) / FRAMES;
                    double wallPerFrame = (Stats.median(onWall.get(w.name())) - Stats.median(offWall.get(w.name())))
                            / FRAMES;
                    boolean ok = perFrame <= PER_FRAME_TARGET_NS;
                    met &= ok;
                    System.out.printf(Locale.ROOT, "%n%-52s %.0f ns per frame (wall %.0f)  [target <= %.0f ns: %s]%n",
                            "  the agent's cost as it leaves each frame", perFrame, wallPerFrame, PER_FRAME_TARGET_NS,
                            ok ? "MET" : "MISSED");
                }
            }
        }
        System.out.println("agent overhead target " + (met ? "MET" : "MISSED"));
        return met;
    }

    /** Per workload the median ns per operation (thread CPU and wall), and what the agent captured. */
    private record ChildResult(String check, Map<String, Double> cpu, Map<String, Double> wall,
                               double processCpuSeconds, long gcMillis) {
    }

    private ChildResult runChild(List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of(ChildJvms.javaCommand(), "-Xms256m", "-Xmx256m",
                "-XX:-OmitStackTraceInFastThrow"));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AgentBenchmark.class.getName(), "child",
                Integer.toString(samples)));
        List<String> lines = ChildJvms.outputOf(command, ProcessBuilder.Redirect.INHERIT, "child");
        String check = null;
        Map<String, Double> cpu = new LinkedHashMap<>();
        Map<String, Double> wall = new LinkedHashMap<>();
        double processCpu = 0;
        long gc = 0;
        for (String line : lines) {
            String[] parts = line.split(" ");
            switch (parts[0]) {
                case "check" -> check = line.substring("check ".length());
                case "cpu" -> cpu.put(parts[1], Double.parseDouble(parts[2]));
                case "wall" -> wall.put(parts[1], Double.parseDouble(parts[2]));
                case "process" -> {
                    processCpu = Double.parseDouble(parts[1]);
                    gc = Long.parseLong(parts[2]);
                }
                default -> { }
            }
        }
        return new ChildResult(String.valueOf(check), cpu, wall, processCpu, gc);
    }

    /**
     * The child: warms each workload up, checks what the agent captured, then times {@code samples}
     * samples of each workload in turn and prints the medians (ns per operation).
     */
    static void child(int samples) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long keep = 0;
        for (int i = 0; i < 6; i++) {
            for (Workload w : WORKLOADS) {
                keep += w.body().applyAsLong(w.operations());
            }
        }
        System.out.println("check agent " + ConsoleBridge.agentActive() + " frames "
                + ConsoleBridge.capturedFrames(AgentWorkload.oneThroughFiveFrames()).size());
        Map<String, double[]> cpu = new LinkedHashMap<>();
        Map<String, double[]> wall = new LinkedHashMap<>();
        for (Workload w : WORKLOADS) {
            cpu.put(w.name(), new double[samples]);
            wall.put(w.name(), new double[samples]);
        }
        long gcBefore = gcMillis();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long processBefore = os.getProcessCpuTime();
        for (int s = 0; s < samples; s++) {
            for (Workload w : WORKLOADS) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                keep += w.body().applyAsLong(w.operations());
                long wall1 = System.nanoTime();
                long cpu1 = threads.getCurrentThreadCpuTime();
                cpu.get(w.name())[s] = (double) (cpu1 - cpu0) / w.operations();
                wall.get(w.name())[s] = (double) (wall1 - wall0) / w.operations();
            }
        }
        double processCpu = (os.getProcessCpuTime() - processBefore) / 1e9;
        for (Workload w : WORKLOADS) {
            System.out.printf(Locale.ROOT, "cpu %s %.3f%n", w.name(), Stats.median(cpu.get(w.name())));
            System.out.printf(Locale.ROOT, "wall %s %.3f%n", w.name(), Stats.median(wall.get(w.name())));
        }
        System.out.printf(Locale.ROOT, "process %.3f %d%n", processCpu, gcMillis() - gcBefore);
        System.out.println("keep " + keep);
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, v < 100 ? "%.2f" : "%.0f", v)).toList().toString();
    }
}
