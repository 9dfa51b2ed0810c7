package io.runserverplus.benchmarks;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.runserverplus.adapter.javalin.JavalinApp;
import io.runserverplus.core.RunServerPlus;
import io.runserverplus.core.RunningServer;
import io.runserverplus.core.server.RequestLog;
import io.runserverplus.core.server.Terminal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throughput of requests that do not fail: bare Javalin 7 against the same route served by
 * RunServerPlus' Javalin adapter, both driven by {@code wrk} on 127.0.0.1 in the same run.
 * Target: the adapter serves at least 97 % of bare Javalin's requests per second.
 *
 * <p>Each server runs in its own child JVM (same java, class path and options), so the two do not
 * share JIT profiles or a heap; the driver warms both, then runs rounds in A B / B A order, and
 * does that again with fresh JVMs for each fork (one JVM can be a few percent faster or slower
 * than the next for its whole life), and compares the medians over all rounds. RunServerPlus' request log goes to a null stream, so the figure includes
 * formatting each request line (on its background thread) but not a terminal's speed.
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
    private static final String BODY = "hello";

    private ThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && "serve".equals(args[0])) {
            serve(args[1]);
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

    // ---------------------------------------------------------------- the servers (child JVMs)

    /** The route both servers serve. */
    private static void routes(JavalinConfig config) {
        config.routes.get("/", ctx -> ctx.result(BODY));
    }

    /** Starts one variant, prints its port, and serves until standard input closes. */
    private static void serve(String variant) throws Exception {
        Terminal nullTerminal = new Terminal(new PrintStream(OutputStream.nullOutputStream()), false);
        Runnable stop;
        int port;
        String framework = System.getProperty("rsp.bench.framework", "javalin");
        int fixedPort = Integer.getInteger("rsp.bench.port", 0);
        // For the start-up benchmark: the moment start() is called, before anything of the server exists.
        System.out.println("T0 " + System.currentTimeMillis());
        if (!"javalin".equals(framework)) {
            FrameworkServers.Started started = FrameworkServers.start(framework, variant, fixedPort, BODY);
            port = started.port();
            stop = started.stop();
        } else if (variant.startsWith("rsp")) {
            RunServerPlus.Builder builder = RunServerPlus.builder()
                    .app(JavalinApp.of(config -> config.routes.get("/", ctx -> ctx.result(BODY))))
                    .addrPort("127.0.0.1:" + fixedPort)
                    .useReloader(false)
                    .terminal(nullTerminal);
            FrameworkServers.applyRspVariant(builder, variant, nullTerminal);
            RunningServer server = builder.start();
            port = server.port();
            stop = server::stop;
        } else {
            Consumer<JavalinConfig> extra = switch (variant) {
                case "bare" -> config -> { };
                // The adapter's handler wrapper (JavalinServerAdapter), catching Errors.
                case "bare+wrapper" -> config -> config.router.handlerWrapper(endpoint -> ctx -> {
                    try {
                        endpoint.handler.handle(ctx);
                    } catch (Error error) {
                        ctx.status(500).result(error.toString());
                    }
                });
                // The adapter's debugger routes and default exception handler (never hit here).
                case "bare+routes" -> config -> {
                    config.routes.get("/__debugger__/<command>", ctx -> ctx.result("command"));
                    config.routes.post("/__debugger__/<command>", ctx -> ctx.result("command"));
                    config.routes.exception(Exception.class, (exception, ctx) -> ctx.status(500));
                };
                // A Jetty request log that does nothing: Jetty's own cost of having one.
                case "bare+jettylog" -> config -> config.jetty.modifyServer(server ->
                        server.setRequestLog((request, response) -> { }));
                // What the adapter's JettyRequestLog does: feed core's RequestLog (null terminal).
                case "bare+requestlog" -> config -> {
                    RequestLog log = new RequestLog(nullTerminal);
                    config.jetty.modifyServer(server -> server.setRequestLog((request, response) ->
                            log.log(org.eclipse.jetty.server.Request.getRemoteAddr(request), request.getMethod(),
                                    request.getHttpURI().getPathQuery(),
                                    request.getConnectionMetaData().getProtocol(), response.getStatus(),
                                    org.eclipse.jetty.server.Response.getContentBytesWritten(response))));
                };
                default -> throw new IllegalArgumentException("unknown variant " + variant);
            };
            Javalin javalin = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                extra.accept(config);
                routes(config);
            }).start("127.0.0.1", fixedPort);
            port = javalin.port();
            stop = javalin::stop;
        }
        System.out.println("PORT " + port);
        System.out.flush();
        // Serve until the driver closes our standard input; answer its "cpu" questions meanwhile.
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ThreadCpu cpu = new ThreadCpu();
        for (String command; (command = commands.readLine()) != null; ) {
            if ("cpu".equals(command)) {
                System.out.println(cpu.sinceLastCall());
                System.out.flush();
            }
        }
        stop.run();
    }

    /** One child JVM serving one variant. */
    private record Server(String variant, Process process, BufferedReader out, int port) {

        static Server start(String variant, Path logDirectory) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
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
                    return new Server(variant, process, out, Integer.parseInt(line.substring(5).trim()));
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

    // ---------------------------------------------------------------- the driver

    /**
     * One wrk run's figures; CPU times are the server process's during the run: all of it, its
     * request-log writer thread, and its other Java threads (the rest is GC and JIT).
     */
    private record Run(double requestsPerSecond, long requests, Duration serverCpu, long writerNanos,
                       long threadNanos, double machineIdle, String problems) {
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
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        variants.forEach(variant -> runs.put(variant, new ArrayList<>()));
        // Each fork starts fresh server JVMs: one JVM's JIT and memory layout can run a few percent
        // faster or slower than the next one's for its whole life, so rounds within one pair of
        // JVMs are not independent samples; pairs of JVMs are.
        for (int fork = 1; fork <= forks; fork++) {
            Map<String, Server> servers = new LinkedHashMap<>();
            try {
                for (String variant : variants) {
                    Server server = Server.start(variant, logs);
                    servers.put(variant, server);
                    check(server);
                }
                for (Server server : servers.values()) {
                    wrk(wrk, server, warmup);
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
                        Run run = wrk(wrk, servers.get(variant), duration);
                        runs.get(variant).add(run);
                        line.append(String.format(Locale.ROOT, " %s=%.0f req/s (%.1f us CPU/req, machine %.0f%% idle)%s",
                                variant, run.requestsPerSecond(), run.cpuMicrosPerRequest(), run.machineIdle(),
                                run.problems()));
                        line.append(order.getLast().equals(variant) ? "" : ",");
                    }
                    System.out.println(line);
                }
            } finally {
                for (Server server : servers.values()) {
                    server.stop();
                }
            }
        }
        return report(variants, runs);
    }

    private static int report(List<String> variants, Map<String, List<Run>> runs) {
        String baseline = variants.getFirst();
        double base = median(runs.get(baseline).stream().mapToDouble(Run::requestsPerSecond).toArray());
        double baseCpu = median(runs.get(baseline).stream().mapToDouble(Run::cpuMicrosPerRequest).toArray());
        System.out.println();
        StringBuilder summary = new StringBuilder();
        boolean met = false;
        for (String variant : variants) {
            double[] rates = runs.get(variant).stream().mapToDouble(Run::requestsPerSecond).toArray();
            double rate = median(rates);
            List<Run> mine = runs.get(variant);
            double cpu = median(mine.stream().mapToDouble(Run::cpuMicrosPerRequest).toArray());
            System.out.printf(Locale.ROOT, "%-16s median %.0f req/s (min %.0f, max %.0f); server CPU per request:"
                            + " %.1f us (%+.1f%% vs %s) = request threads %.2f + log writer %.2f + GC/JIT %.2f%n",
                    variant, rate, java.util.Arrays.stream(rates).min().orElse(0),
                    java.util.Arrays.stream(rates).max().orElse(0), cpu, (cpu / baseCpu - 1) * 100, baseline,
                    median(mine.stream().mapToDouble(Run::threadMicrosPerRequest).toArray()),
                    median(mine.stream().mapToDouble(Run::writerMicrosPerRequest).toArray()),
                    median(mine.stream().mapToDouble(Run::otherMicrosPerRequest).toArray()));
            if (!variant.equals(baseline)) {
                summary.append(String.format(Locale.ROOT, " %s=%.0f ratio(%s)=%.3f", variant, rate, variant,
                        rate / base));
                // Each round runs the two back to back in one fork, so a slow drift in the machine's other load
                // mostly cancels out of the round's own ratio: a second, steadier estimate.
                double[] paired = new double[Math.min(mine.size(), runs.get(baseline).size())];
                for (int i = 0; i < paired.length; i++) {
                    paired[i] = mine.get(i).requestsPerSecond() / runs.get(baseline).get(i).requestsPerSecond();
                }
                System.out.printf(Locale.ROOT, "%-16s ratio to %s in each round: %s (median %.3f)%n", "", baseline,
                        java.util.Arrays.stream(paired).mapToObj(r -> String.format(Locale.ROOT, "%.3f", r))
                                .collect(java.util.stream.Collectors.joining(" ")), median(paired));
            }
            if ("rsp".equals(variant)) {
                met = rate / base >= TARGET_RATIO;
            }
        }
        if (variants.size() > 2 || !variants.equals(List.of("bare", "rsp"))) {
            System.out.println("ratios to " + baseline + ":" + summary);
        }
        if (!"bare".equals(baseline) || !runs.containsKey("rsp")) {
            return 0;
        }
        double rsp = median(runs.get("rsp").stream().mapToDouble(Run::requestsPerSecond).toArray());
        System.out.printf(Locale.ROOT, "bare=%.0f rsp=%.0f ratio=%.3f%n", base, rsp, rsp / base);
        System.out.printf(Locale.ROOT, "throughput target ratio >= %.2f: %s%n", TARGET_RATIO, met ? "MET" : "MISSED");
        return met || variants.size() > 2 ? 0 : 1;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Both servers must answer the route with 200 "hello" before they are measured. */
    private static void check(Server server) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !BODY.equals(response.body())) {
                throw new IllegalStateException(server.variant() + " answered " + response.statusCode() + " "
                        + response.body());
            }
        }
    }

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern ERRORS = Pattern.compile("(Socket errors:.*|Non-2xx or 3xx responses:.*)");

    private static Run wrk(List<String> wrk, Server server, int seconds) throws IOException, InterruptedException {
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
        return new Run(Double.parseDouble(rate.group(1)), Long.parseLong(total.group(1)), cpu, threads[0], threads[1],
                machineIdle, problems.toString());
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
