package io.runserverplus.benchmarks;

import demo.bench.AgentWorkload;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntToLongFunction;
import java.util.stream.Stream;

/**
 * What the capture agent costs an application: {@code benchmarks/run agent [options]}.
 *
 * <ul>
 *   <li>Overhead: {@link AgentWorkload} (loaded from {@code target/classes}, so instrumented) in
 *       child JVMs with and without {@code -javaagent:<console jar>}, alternating, several rounds;
 *       each child warms the JIT up, then times samples of each workload. Targets: a hot loop without
 *       exceptions at most 1.02 times agent-off, 100 000 exceptions caught where thrown at most 1.05
 *       times, an exception leaving 5 instrumented frames at most 1 µs more per frame.
 *       Measured twice: with the JVM's default JIT, and with {@code -XX:TieredStopAtLevel=1} (C1 only), the
 *       option the reloader starts the application's child JVM with ({@code --c2-only} skips that), where
 *       the agent also gets the C1 inlining limits its supervisor adds with it.
 *   <li>Start-up: the Javalin demo ({@code examples/javalin-demo}, {@code --noreload}) from JVM start
 *       to its first served request, with and without the agent, alternating. Target: at most
 *       1.10 times agent-off.
 * </ul>
 *
 * <p>Times are the measuring thread's CPU time (the workloads are single-threaded), which other
 * processes on a shared machine do not inflate; wall-clock times and the whole process's CPU are
 * printed beside them.
 */
public final class AgentBenchmark {

    static final double HOT_LOOP_TARGET = 1.02;
    static final double CAUGHT_TARGET = 1.05;
    static final double PER_FRAME_TARGET_NS = 1000;
    static final double STARTUP_TARGET = 1.10;
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

    private AgentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(Integer.parseInt(args[1]));
            return;
        }
        int rounds = 5;
        int samples = 11;
        int runs = 7;
        boolean overhead = true;
        boolean startup = true;
        boolean c1 = true;
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
            met &= overhead(agentJar, rounds, samples, List.of());
            if (c1) {
                System.out.println();
                met &= overhead(agentJar, rounds, samples, List.of(RELOADER_CHILD_JIT));
            }
        }
        if (startup) {
            if (overhead) {
                System.out.println();
            }
            met &= startup(agentJar, runs);
        }
        System.out.println("agent target " + (met ? "MET" : "MISSED"));
        System.exit(met ? 0 : 1);
    }

    // ---------------------------------------------------------------- overhead

    /**
     * {@code --same-jit}: the agent-off child gets the agent's C1 inlining limits too, which isolates
     * the agent's own cost from what those limits do for any code (not what a user compares: a child
     * without the console jar runs without them).
     */
    private static boolean sameJit;

    /**
     * The agent's options: in the reloader's child ({@code -XX:TieredStopAtLevel=1}), as the
     * supervisor adds it, {@code -javaagent} and the C1 inlining limits that go with it; else, as a
     * user adds it by hand with {@code --noreload}, {@code -javaagent} alone.
     */
    private static List<String> agentOptions(Path agentJar, String argument, List<String> jvmOptions) {
        List<String> options = new ArrayList<>(List.of("-javaagent:" + agentJar + "=" + argument));
        if (jvmOptions.contains(RELOADER_CHILD_JIT)) {
            options.addAll(ConsoleBridge.agentJitOptions());
        }
        return options;
    }

    private static boolean overhead(Path agentJar, int rounds, int samples, List<String> jvmOptions) throws Exception {
        Path cache = Path.of(System.getProperty("rsp.bench.logs", "benchmarks/target"), "agent-cache").toAbsolutePath();
        List<String> agent = agentOptions(agentJar, "cache=" + cache, jvmOptions);
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
                ChildResult result = runChild(options, samples);
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
            double offMedian = median(off.get(w.name()));
            double onMedian = median(on.get(w.name()));
            double ratio = onMedian / offMedian;
            double wallRatio = median(onWall.get(w.name())) / median(offWall.get(w.name()));
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
                    double wallPerFrame = (median(onWall.get(w.name())) - median(offWall.get(w.name()))) / FRAMES;
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

    private static ChildResult runChild(List<String> options, int samples) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xms256m", "-Xmx256m",
                "-XX:-OmitStackTraceInFastThrow"));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AgentBenchmark.class.getName(), "child",
                Integer.toString(samples)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            lines = out.lines().toList();
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("child failed (" + process.exitValue() + "): " + command + "\n" + lines);
        }
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
    private static void child(int samples) {
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
            System.out.printf(Locale.ROOT, "cpu %s %.3f%n", w.name(), median(cpu.get(w.name())));
            System.out.printf(Locale.ROOT, "wall %s %.3f%n", w.name(), median(wall.get(w.name())));
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

    // ---------------------------------------------------------------- start-up

    private static boolean startup(Path agentJar, int runs) throws Exception {
        Path demo = Path.of(System.getProperty("rsp.bench.demo", "examples/javalin-demo")).toAbsolutePath();
        Path classPathFile = demo.resolve("target/runtime-classpath.txt");
        if (!Files.isRegularFile(classPathFile) || !Files.isDirectory(demo.resolve("target/classes"))) {
            throw new IllegalStateException("build the Javalin demo first: " + classPathFile + " is missing");
        }
        String classPath = demo.resolve("target/classes") + java.io.File.pathSeparator
                + Files.readString(classPathFile).strip();
        Path cache = Path.of(System.getProperty("rsp.bench.logs", "benchmarks/target"), "agent-cache-startup")
                .toAbsolutePath();
        deleteTree(cache);
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("off", List.of());
        variants.put("on", List.of("-javaagent:" + agentJar + "=cache=" + cache));
        variants.put("on, cache=none", List.of("-javaagent:" + agentJar + "=cache=none"));
        System.out.println("== Agent start-up: the Javalin demo (--noreload) from JVM start to the first served"
                + " request, fresh JVM each, " + runs + " runs alternating (" + Runtime.getRuntime().availableProcessors()
                + " CPUs) ==");
        System.out.println("'on' uses its own agent cache, filled by one unmeasured run first (as after the first"
                + " start); 'on, cache=none' transforms every application class at each start; 'off, boot class path"
                + " appended' is no agent but -Xbootclasspath/a:<the agent's recorder jar>, as the agent does");
        measureDemo(classPath, variants.get("on")); // fills the cache; also warms the disk cache for every variant
        measureDemo(classPath, variants.get("off"));
        // The agent appends its recorder jar to the boot class path, which limits class data sharing (CDS) to
        // the boot loader's classes: this variant has that alone, without the agent.
        try (Stream<Path> files = Files.list(cache)) {
            Path recorder = files.filter(p -> p.getFileName().toString().startsWith("recorder-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the agent wrote no recorder jar to " + cache));
            variants.put("off, boot class path appended", List.of("-Xbootclasspath/a:" + recorder));
        }
        Map<String, List<Long>> times = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(variants.keySet());
        for (int run = 0; run < runs; run++) {
            List<String> order = new ArrayList<>(names);
            java.util.Collections.rotate(order, -run); // each variant goes first in turn
            for (String name : order) {
                times.computeIfAbsent(name, k -> new ArrayList<>()).add(measureDemo(classPath, variants.get(name)));
            }
        }
        double off = median(times.get("off"));
        boolean met = true;
        for (String name : names) {
            double median = median(times.get(name));
            System.out.printf(Locale.ROOT, "%-30s median %4.0f ms %s", name, median, times.get(name));
            if (name.equals("off")) {
                System.out.println();
            } else {
                double ratio = median / off;
                if (name.equals("on")) {
                    boolean ok = ratio <= STARTUP_TARGET;
                    met = ok;
                    System.out.printf(Locale.ROOT, "  ratio %.3f (+%.0f ms)  [target <= %.2f: %s]%n", ratio,
                            median - off, STARTUP_TARGET, ok ? "MET" : "MISSED");
                } else {
                    System.out.printf(Locale.ROOT, "  ratio %.3f (+%.0f ms)%n", ratio, median - off);
                }
            }
        }
        System.out.println("agent start-up target " + (met ? "MET" : "MISSED"));
        return met;
    }

    /** One fresh JVM: milliseconds from just before the process starts to the first 200 answer on {@code /}. */
    private static long measureDemo(String classPath, List<String> agent) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        command.addAll(agent);
        command.addAll(List.of("-cp", classPath, "io.runserverplus.examples.javalin.JavalinDemo",
                "127.0.0.1:" + port, "--noreload"));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long served = awaitFirstResponse(port, process);
            return TimeUnit.NANOSECONDS.toMillis(served - start);
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static long awaitFirstResponse(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/").toURL()
                        .openConnection();
                connection.setConnectTimeout(200);
                if (connection.getResponseCode() == 200) {
                    return System.nanoTime();
                }
            } catch (IOException notYet) {
                Thread.sleep(2);
            }
        }
        throw new IOException("the demo did not answer on port " + port + " within 60 s (alive: " + process.isAlive() + ")");
    }

    // ---------------------------------------------------------------- helpers

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

    static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, v < 100 ? "%.2f" : "%.0f", v)).toList().toString();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double median(List<? extends Number> values) {
        return median(values.stream().mapToDouble(Number::doubleValue).toArray());
    }
}
