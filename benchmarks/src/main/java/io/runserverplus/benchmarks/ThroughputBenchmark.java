package io.runserverplus.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Throughput of requests that do not fail: bare Javalin 7 against the same route served by
 * RunServerPlus' Javalin adapter, both driven by {@code wrk} on 127.0.0.1 in the same run.
 * Target: the adapter serves at least 97 % of bare Javalin's requests per second.
 *
 * <p>Each server runs in its own child JVM (same java, class path and options), so the two do not
 * share JIT profiles or a heap; the driver warms both, then runs rounds in A B / B A order, and
 * does that again with fresh JVMs for each fork (one JVM can be a few percent faster or slower
 * than the next for its whole life), and compares the medians over all rounds. RunServerPlus'
 * request log goes to a null stream, so the figure includes formatting each request line (on its
 * background thread) but not a terminal's speed.
 *
 * <p>The parts: {@link ServerChild} serves in each child JVM, {@link ServerProcess} is the driver's
 * handle on one, {@link WrkRun} is one wrk run against it, {@link ThroughputReport} the summary.
 *
 * <p>Options: {@code --duration=10} seconds per run, {@code --warmup=10}, {@code --forks=5},
 * {@code --rounds=1} (per fork),
 * {@code --threads=2} and {@code --connections=32} for wrk, {@code --variants=bare,rsp} (the first
 * is the baseline; the others are compared with it), {@code --explain} for the diagnostic
 * variants (bare Javalin plus one piece of the adapter at a time; RunServerPlus with its request
 * log replaced by nothing or by the prototypes of package {@code fixes}). Exit code 0 when the
 * target is met (or when diagnostic variants were asked for), 1 when not.
 */
public final class ThroughputBenchmark {

    static final double TARGET_RATIO = 0.97;

    /**
     * Diagnostic variants: bare Javalin plus one piece of the adapter at a time, and RunServerPlus
     * with its request log replaced (by nothing, or by the prototype of the proposed fix).
     */
    static final List<String> EXPLAIN_VARIANTS = List.of("bare", "rsp", "bare+wrapper", "bare+routes",
            "bare+jettylog", "bare+requestlog", "rsp+nolog");
    /** What the route both servers serve answers. */
    static final String BODY = "hello";

    private ThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && "serve".equals(args[0])) {
            ServerChild.serve(args[1]);
            return;
        }
        Map<String, String> options = new LinkedHashMap<>(Map.of("duration", "10", "warmup", "10", "forks", "5", "rounds", "1",
                "threads", "2", "connections", "32", "variants", "bare,rsp", "framework", "javalin"));
        boolean explain = false;
        for (String arg : args) {
            if ("--explain".equals(arg)) {
                explain = true;
            } else if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                System.err.println("Unknown argument: " + arg);
                System.exit(2);
            }
        }
        if (explain) {
            options.put("variants", String.join(",", switch (options.get("framework")) {
                case "javalin" -> EXPLAIN_VARIANTS;
                case "helidon" -> FrameworkServers.HELIDON_EXPLAIN_VARIANTS;
                default -> List.of("bare", "rsp", "rsp+nolog");
            }));
        }
        System.setProperty("rsp.bench.framework", options.get("framework"));
        System.exit(drive(options));
    }

    private static int drive(Map<String, String> options) throws Exception {
        List<String> variants = List.of(options.get("variants").split(","));
        int duration = Integer.parseInt(options.get("duration"));
        int warmup = Integer.parseInt(options.get("warmup"));
        int rounds = Integer.parseInt(options.get("rounds"));
        int forks = Integer.parseInt(options.get("forks"));
        List<String> wrk = List.of("wrk", "-t" + options.get("threads"), "-c" + options.get("connections"));
        Path logs = Path.of(System.getProperty("rsp.bench.logs", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(logs);

        System.out.println("== Throughput on " + System.getProperty("rsp.bench.framework", "javalin") + ": "
                + String.join(" vs ", variants) + " (" + String.join(" ", wrk)
                + " -d" + duration + "s; " + forks + " forks (fresh server JVMs), each " + warmup + " s of warm-up and "
                + rounds + (rounds == 1 ? " round, " : " rounds, ")
                + Runtime.getRuntime().availableProcessors() + " CPUs) ==");
        System.out.println("RunServerPlus' request log is written to a null stream (formatting included,"
                + " terminal speed not).");
        Map<String, List<WrkRun>> runs = new LinkedHashMap<>();
        variants.forEach(variant -> runs.put(variant, new ArrayList<>()));
        // Each fork starts fresh server JVMs: one JVM's JIT and memory layout can run a few percent
        // faster or slower than the next one's for its whole life, so rounds within one pair of
        // JVMs are not independent samples; pairs of JVMs are.
        for (int fork = 1; fork <= forks; fork++) {
            Map<String, ServerProcess> servers = new LinkedHashMap<>();
            try {
                for (String variant : variants) {
                    ServerProcess server = ServerProcess.start(variant, logs);
                    servers.put(variant, server);
                    check(server);
                }
                for (ServerProcess server : servers.values()) {
                    WrkRun.measure(wrk, server, warmup);
                }
                System.out.println("fork " + fork + ": warmed " + String.join(", ", servers.keySet()));
                for (int round = 1; round <= rounds; round++) {
                    // A B, then B A: neither side always runs first.
                    List<String> order = new ArrayList<>(variants);
                    if ((fork + round) % 2 == 1) {
                        java.util.Collections.reverse(order);
                    }
                    StringBuilder line = new StringBuilder("fork " + fork + " round " + round + ":");
                    for (String variant : order) {
                        WrkRun run = WrkRun.measure(wrk, servers.get(variant), duration);
                        runs.get(variant).add(run);
                        line.append(String.format(Locale.ROOT, " %s=%.0f req/s (%.1f us CPU/req, machine %.0f%% idle)%s",
                                variant, run.requestsPerSecond(), run.cpuMicrosPerRequest(), run.machineIdle(),
                                run.problems()));
                        line.append(order.getLast().equals(variant) ? "" : ",");
                    }
                    System.out.println(line);
                }
            } finally {
                for (ServerProcess server : servers.values()) {
                    server.stop();
                }
            }
        }
        return ThroughputReport.print(variants, runs);
    }

    /** Both servers must answer the route with 200 "hello" before they are measured. */
    private static void check(ServerProcess server) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !BODY.equals(response.body())) {
                throw new IllegalStateException(server.variant() + " answered " + response.statusCode() + " "
                        + response.body());
            }
        }
    }
}
