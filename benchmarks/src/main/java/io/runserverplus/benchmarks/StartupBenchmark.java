package io.runserverplus.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Time from {@code start()} to the first served request, bare framework against the same app under
 * RunServerPlus, each in a fresh JVM, alternating: {@code benchmarks/run startup [--runs=7]}.
 * Target: RunServerPlus at most 1.2 times the bare framework's, for each adapter.
 */
public final class StartupBenchmark {

    static final double TARGET_RATIO = 1.2;

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 7;
        List<String> frameworks = List.of("javalin", "helidon", "jetty");
        for (String arg : args) {
            if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring("--runs=".length()));
            } else if (arg.startsWith("--frameworks=")) {
                frameworks = List.of(arg.substring("--frameworks=".length()).split(","));
            } else {
                System.err.println("Unknown argument: " + arg);
                System.exit(2);
            }
        }
        System.out.println("== Start-up: start() to the first served request, fresh JVM each, median of " + runs
                + " (" + Runtime.getRuntime().availableProcessors() + " CPUs) ==");
        boolean met = true;
        for (String framework : frameworks) {
            List<Long> bare = new ArrayList<>();
            List<Long> rsp = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                // bare first on even runs, RunServerPlus first on odd ones
                boolean bareFirst = run % 2 == 0;
                (bareFirst ? bare : rsp).add(measure(framework, bareFirst ? "bare" : "rsp"));
                (bareFirst ? rsp : bare).add(measure(framework, bareFirst ? "rsp" : "bare"));
            }
            double ratio = Stats.median(rsp) / Stats.median(bare);
            boolean ok = ratio <= TARGET_RATIO;
            met &= ok;
            System.out.printf(Locale.ROOT, "%-8s bare median %.0f ms %s, rsp median %.0f ms %s, ratio %.2f"
                            + "  [target <= %.1f: %s]%n", framework, Stats.median(bare), bare, Stats.median(rsp), rsp, ratio,
                    TARGET_RATIO, ok ? "MET" : "MISSED");
        }
        System.out.println("start-up target " + (met ? "MET" : "MISSED"));
        System.exit(met ? 0 : 1);
    }

    /** One fresh JVM: milliseconds from its "T0" (just before start()) to the first 200 answer. */
    private static long measure(String framework, String variant) throws Exception {
        int port = ChildJvms.freePort();
        List<String> command = List.of(ChildJvms.javaCommand(), "-Xms256m", "-Xmx256m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Drsp.bench.framework=" + framework,
                "-Drsp.bench.port=" + port, "-cp", System.getProperty("java.class.path"),
                ThroughputBenchmark.class.getName(), "serve", variant);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long firstServed = ChildJvms.awaitFirstResponse(port, process, System::currentTimeMillis,
                    "the " + framework + " " + variant + " server");
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("T0 ")) {
                    return firstServed - Long.parseLong(line.substring(3).trim());
                }
            }
            throw new IOException("the " + framework + " " + variant + " server never said when it started");
        } finally {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
