package io.runserverplus.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One wrk run's figures; CPU times are the server process's during the run: all of it, its
 * request-log writer thread, and its other Java threads (the rest is GC and JIT).
 */
record WrkRun(double requestsPerSecond, long requests, Duration serverCpu, long writerNanos,
              long threadNanos, double machineIdle, String problems) {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern ERRORS = Pattern.compile("(Socket errors:.*|Non-2xx or 3xx responses:.*)");

    double cpuMicrosPerRequest() {
        return perRequest(serverCpu.toNanos());
    }

    double writerMicrosPerRequest() {
        return perRequest(writerNanos);
    }

    double threadMicrosPerRequest() {
        return perRequest(threadNanos);
    }

    double otherMicrosPerRequest() {
        return perRequest(serverCpu.toNanos() - writerNanos - threadNanos);
    }

    private double perRequest(long nanos) {
        return requests == 0 ? Double.NaN : nanos / 1000.0 / requests;
    }

    /** Runs {@code wrk} (its command and options) against the server for {@code seconds}, and measures the server meanwhile. */
    static WrkRun measure(List<String> wrk, ServerProcess server, int seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(wrk);
        command.addAll(List.of("-d" + seconds + "s", "http://127.0.0.1:" + server.port() + "/"));
        server.threadCpu();
        long[] machineBefore = machineTicks();
        Duration cpuBefore = server.cpu();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        Duration cpu = server.cpu().minus(cpuBefore);
        long[] threads = server.threadCpu();
        long[] machine = machineTicks();
        long busy = machine[0] - machineBefore[0];
        long idle = machine[1] - machineBefore[1];
        double machineIdle = busy + idle <= 0 ? Double.NaN : 100.0 * idle / (busy + idle);
        Matcher rate = RATE.matcher(output);
        Matcher total = TOTAL.matcher(output);
        if (!rate.find() || !total.find()) {
            throw new IllegalStateException("Unexpected wrk output:\n" + output);
        }
        StringBuilder problems = new StringBuilder();
        Matcher errors = ERRORS.matcher(output);
        while (errors.find()) {
            problems.append(" [").append(errors.group(1).trim()).append(']');
        }
        return new WrkRun(Double.parseDouble(rate.group(1)), Long.parseLong(total.group(1)), cpu, threads[0],
                threads[1], machineIdle, problems.toString());
    }

    /**
     * The machine's {busy, idle} CPU ticks from {@code /proc/stat} (Linux), to tell an idle CPU
     * (the server waits on something) from one busy with wrk or other programs. Zeros elsewhere.
     */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            long idle = 0;
            // cpu user nice system idle iowait irq softirq steal ...
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                long ticks = Long.parseLong(fields[i]);
                if (i == 4 || i == 5) {
                    idle += ticks;
                } else {
                    busy += ticks;
                }
            }
            return new long[] {busy, idle};
        } catch (IOException | RuntimeException notLinux) {
            return new long[] {0, 0};
        }
    }
}
