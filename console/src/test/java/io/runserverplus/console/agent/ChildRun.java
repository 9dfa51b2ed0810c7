package io.runserverplus.console.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One run of {@code demo.capture.CaptureMain} in a child JVM, its output split by scenario.
 *
 * @param head the lines before the first scenario
 * @param scenarios per scenario: the frame and var lines, then the stack trace text
 */
record ChildRun(List<String> head, Map<String, Scenario> scenarios, String stdout, String stderr) {
    /** One scenario's captured lines ({@code frame ...}, {@code var ...}) and its printed stack trace. */
    record Scenario(List<String> lines, String trace) {
        /** The var lines of the first frame of method {@code method}, or null if none was captured. */
        List<String> vars(String method) {
            List<String> vars = null;
            for (String line : lines) {
                if (line.startsWith("frame ")) {
                    if (vars != null) {
                        return vars;
                    }
                    if (line.split(" ")[2].equals(method)) {
                        vars = new ArrayList<>();
                    }
                } else if (vars != null && line.startsWith("var ")) {
                    vars.add(line.substring(4));
                }
            }
            return vars;
        }

        /** The {@code class method} of each captured frame, innermost first. */
        List<String> frames() {
            return lines.stream().filter(l -> l.startsWith("frame ")).map(l -> {
                String[] parts = l.split(" ");
                return parts[1] + " " + parts[2];
            }).toList();
        }
    }

    /** Runs {@code java [agentArgs] -cp classPath demo.capture.CaptureMain} to completion. */
    static ChildRun run(List<String> agentArgs, List<Path> classPath) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-OmitStackTraceInFastThrow", "-Xshare:auto", "-XX:TieredStopAtLevel=1"));
        command.addAll(agentArgs);
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()));
        command.add("demo.capture.CaptureMain");
        Path out = Files.createTempFile("capture-child", ".out");
        Path err = Files.createTempFile("capture-child", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child JVM timed out: " + command);
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError("child JVM failed (" + process.exitValue() + "):\n" + stdout + stderr);
            }
            return parse(stdout, stderr);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static ChildRun parse(String stdout, String stderr) {
        List<String> head = new ArrayList<>();
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        String name = null;
        List<String> lines = new ArrayList<>();
        StringBuilder trace = null;
        for (String line : stdout.split("\n")) {
            if (line.startsWith("=== ")) {
                name = line.substring(4);
                lines = new ArrayList<>();
            } else if (name == null) {
                head.add(line);
            } else if (line.equals("trace-begin")) {
                trace = new StringBuilder();
            } else if (line.equals("trace-end")) {
                scenarios.put(name, new Scenario(lines, trace.toString()));
                trace = null;
            } else if (trace != null) {
                trace.append(line).append('\n');
            } else {
                lines.add(line);
            }
        }
        return new ChildRun(head, scenarios, stdout, stderr);
    }

    /** The console jar the build just packaged: the agent as users get it, manifest included. */
    static Path agentJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("runserverplus-console-") && n.endsWith(".jar")
                        && !n.endsWith("-sources.jar") && !n.endsWith("-tests.jar") && !n.endsWith("-javadoc.jar");
            }).findFirst().orElseThrow(() -> new AssertionError("no console jar in target/: run the package phase"));
        }
    }
}
