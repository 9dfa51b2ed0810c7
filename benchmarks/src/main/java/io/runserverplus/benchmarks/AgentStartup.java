package io.runserverplus.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The agent benchmark's start-up part: the Javalin demo ({@code --noreload}) from JVM start to its
 * first served request, fresh JVMs with and without the agent, alternating (see {@link AgentBenchmark}).
 */
final class AgentStartup {

    static final double STARTUP_TARGET = 1.10;

    private AgentStartup() {
    }

    /** {@code runs} rounds of every variant; prints the medians, returns whether the target was met. */
    static boolean run(Path agentJar, int runs) throws Exception {
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
        double off = Stats.median(times.get("off"));
        boolean met = true;
        for (String name : names) {
            double median = Stats.median(times.get(name));
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
        int port = ChildJvms.freePort();
        List<String> command = new ArrayList<>(List.of(ChildJvms.javaCommand(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        command.addAll(agent);
        command.addAll(List.of("-cp", classPath, "io.runserverplus.examples.javalin.JavalinDemo",
                "127.0.0.1:" + port, "--noreload"));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long served = ChildJvms.awaitFirstResponse(port, process, System::nanoTime, "the demo");
            return TimeUnit.NANOSECONDS.toMillis(served - start);
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
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
}
