package io.runserverplus.console.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code demo.capture.BenchWorkload} in a child JVM with and without the agent and prints
 * both timings and their ratio. Not a test: run it by hand after {@code package}, from the console
 * module directory, with the test class path:
 * {@code java -cp target/test-classes:<asm jars> io.runserverplus.console.agent.CaptureBenchmark}.
 */
public final class CaptureBenchmark {
    private CaptureBenchmark() {}

    public static void main(String[] args) throws Exception {
        String classPath = System.getProperty("java.class.path") + java.io.File.pathSeparator
                + ChildRun.agentJar().toAbsolutePath();
        Map<String, Double> off = run(List.of(), classPath);
        Map<String, Double> on = run(List.of("-javaagent:" + ChildRun.agentJar().toAbsolutePath() + "=cache=none"), classPath);
        for (String name : off.keySet()) {
            double ratio = on.get(name) / off.get(name);
            System.out.printf("%-42s off %9.2f ns  on %9.2f ns  ratio %.2f%n", name, off.get(name), on.get(name), ratio);
        }
        double perFrame = (on.get("through-5-frames-ns-per-exception") - off.get("through-5-frames-ns-per-exception")) / 5;
        System.out.printf("extra ns per frame an exception leaves: %.1f%n", perFrame);
    }

    private static Map<String, Double> run(List<String> agent, String classPath) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-OmitStackTraceInFastThrow"));
        command.addAll(agent);
        command.addAll(List.of("-cp", classPath, "demo.capture.BenchWorkload"));
        Path out = Files.createTempFile("bench", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("workload failed");
            }
            Map<String, Double> times = new LinkedHashMap<>();
            for (String line : Files.readAllLines(out)) {
                String[] parts = line.split(" ");
                times.put(parts[0], Double.parseDouble(parts[1]));
            }
            return times;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
