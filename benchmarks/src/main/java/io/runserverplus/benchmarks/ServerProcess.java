package io.runserverplus.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The throughput driver's handle on one child JVM serving one variant ({@link ServerChild}). */
record ServerProcess(String variant, Process process, BufferedReader out, int port) {

    /** Starts the child and waits for it to say its port; its standard error goes to a log file in {@code logDirectory}. */
    static ServerProcess start(String variant, Path logDirectory) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ChildJvms.javaCommand());
        command.addAll(List.of("-Xms256m", "-Xmx256m"));
        // Extra options for the servers' JVMs (diagnosis: JFR, GC logs), space-separated.
        String extra = System.getProperty("rsp.bench.serverArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Drsp.bench.framework=" + System.getProperty("rsp.bench.framework", "javalin"),
                "-cp", System.getProperty("java.class.path"), ThroughputBenchmark.class.getName(),
                "serve", variant));
        Path log = logDirectory.resolve("throughput-" + variant.replace('+', '-') + ".log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("PORT ")) {
                return new ServerProcess(variant, process, out, Integer.parseInt(line.substring(5).trim()));
            }
        }
        throw new IOException("The " + variant + " server did not start; see " + log + ":\n"
                + Files.readString(log));
    }

    /** The whole process's CPU time so far (Java threads, GC, JIT). */
    Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Java threads' CPU since the last call: {writer thread, other Java threads} in ns. */
    long[] threadCpu() throws IOException {
        process.getOutputStream().write("cpu\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        Matcher answer = Pattern.compile("writer=(\\d+) threads=(\\d+)").matcher(String.valueOf(out.readLine()));
        if (!answer.matches()) {
            throw new IOException("The " + variant + " server did not answer the cpu question");
        }
        return new long[] {Long.parseLong(answer.group(1)), Long.parseLong(answer.group(2))};
    }

    void stop() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
