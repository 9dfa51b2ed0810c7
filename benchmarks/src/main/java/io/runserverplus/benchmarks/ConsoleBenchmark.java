package io.runserverplus.benchmarks;

import demo.bench.Invoices;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * The console's latency: {@code benchmarks/run console [--runs=5] [--binds=5] [--c2-only]}. Each run is two fresh
 * child JVMs with the capture agent, in alternating order:
 *
 * <ul>
 *   <li>{@code console}: {@link Invoices} fails, the agent captures its two frames and
 *       {@code ConsoleSessions} (through {@link ConsoleBridge}) opens a console on them, as the
 *       debugger would;
 *   <li>{@code bare} (the baseline): the same JShell evaluations the console makes (its variable
 *       declarations, then the input) on a plain local JShell, without {@code ConsoleSessions}: no spare
 *       JShell being made in the background, no engine thread, input analysis, output capture or
 *       rendering. It also times two alternatives for the 20-variable frame (see below).
 * </ul>
 *
 * <p>Targets, on the console's figures (wall clock: what the user waits for):
 * <ul>
 *   <li>first: after {@code warmUp()} finished, open + bind the typical frame (5 variables and
 *       {@code this}) + the first evaluation (uses 3 of them): at most 300 ms;
 *   <li>later: 20 further evaluations in that console, once the next spare JShell is ready: median at
 *       most 30 ms;
 *   <li>bind 20: switch to the frame with 20 variables + one evaluation that uses all 20: at most 100 ms.
 * </ul>
 * Measured twice: with the JVM's default JIT ({@code --noreload}: the app runs in this JVM), and with
 * {@code -XX:TieredStopAtLevel=1}, the option the reloader starts the application's child JVM with
 * ({@code --c2-only} skips that). The process's CPU time (10 ms resolution) is printed beside them: on a shared machine it shows
 * whether a slow figure waited for the CPU or worked.
 */
public final class ConsoleBenchmark {

    static final double FIRST_TARGET_MS = 300;
    static final double LATER_TARGET_MS = 30;
    static final double BIND20_TARGET_MS = 100;

    /** The first input, on the typical frame (uses three of its variables). */
    static final String FIRST = "label + \" owes \" + (subtotal - Math.round(subtotal * discount))";

    /** Tab at the end of these: a local's prefix, a member after a dot, a field of this. */
    static final List<String> COMPLETIONS = List.of("lab", "label.toUpp", "self.li", "first.s", "cou", "names.ad");

    static final double COMPLETE_TARGET_MS = 50;

    /** Later inputs on the typical frame: expressions, declarations, statements, lambdas. */
    static final List<String> LATER = List.of(
            "subtotal * 2",
            "count + 1",
            "first.sku()",
            "self.lines().size()",
            "var names = new ArrayList<String>()",
            "names.add(label)",
            "names",
            "self.lines().stream().mapToLong(l -> l.cents() * l.quantity()).sum()",
            "String.format(\"%s: %d cents\", label, subtotal)",
            "int twice = count * 2",
            "twice + count",
            "Math.max(subtotal, 1000L)",
            "ex.getMessage().length()",
            "for (int i = 0; i < 3; i++) names.add(\"n\" + i);",
            "names.size()",
            "discount > 0.05 ? \"big\" : \"small\"",
            "ex.getStackTrace().length > 2",
            "self.customer().toUpperCase()",
            "Map.of(\"a\", 1).get(\"a\") + count",
            "first.cents() / 100.0");

    /** The frame with 20 variables: all of them. */
    static final List<String> TWENTY = List.of("invoice", "subtotal", "discount", "label", "first", "region",
            "country", "rate", "reduced", "cents", "quantity", "skus", "perSku", "codes", "date", "amount", "note",
            "grade", "weight", "history");
    static final String USE_TWENTY = "java.util.Arrays.asList(" + String.join(", ", TWENTY) + ").size()";

    private ConsoleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            int binds = Integer.parseInt(args[2]);
            if (args[1].equals("console")) {
                consoleChild(binds);
            } else {
                bareChild(binds);
            }
            return;
        }
        int runs = 5;
        int binds = 5;
        boolean c1 = true;
        for (String arg : args) {
            if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring("--runs=".length()));
            } else if (arg.startsWith("--binds=")) {
                binds = Integer.parseInt(arg.substring("--binds=".length()));
            } else if (arg.equals("--c2-only")) {
                c1 = false;
            } else {
                System.err.println("Unknown argument: " + arg + " (options: --runs=5 --binds=5 --c2-only)");
                System.exit(2);
            }
        }
        Path agentJar = AgentBenchmark.agentJar();
        boolean met = measure(agentJar, runs, binds, List.of());
        if (c1) {
            System.out.println();
            met &= measure(agentJar, runs, binds, List.of("-XX:TieredStopAtLevel=1"));
        }
        System.out.println("console target " + (met ? "MET" : "MISSED"));
        System.exit(met ? 0 : 1);
    }

    /** {@code runs} pairs of child JVMs with {@code jvmOptions}; prints the figures, returns whether the targets were met. */
    private static boolean measure(Path agentJar, int runs, int binds, List<String> jvmOptions) throws Exception {
        Path cache = Path.of(System.getProperty("rsp.bench.logs", "benchmarks/target"), "agent-cache").toAbsolutePath();
        System.out.println("== Console" + (jvmOptions.isEmpty() ? "" : " with " + String.join(" ", jvmOptions)) + ": "
                + runs + " runs, each a fresh JVM with -javaagent for the console and one for a bare JShell doing the"
                + " same evaluations, alternating; " + LATER.size() + " later evaluations and " + binds
                + " binds of the 20-variable frame per run (" + Runtime.getRuntime().availableProcessors() + " CPUs) ==");
        Map<String, List<Double>> console = new LinkedHashMap<>();
        Map<String, List<Double>> bare = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            boolean consoleFirst = run % 2 == 0;
            for (String mode : consoleFirst ? List.of("console", "bare") : List.of("bare", "console")) {
                List<String> command = new ArrayList<>(List.of(ChildJvms.javaCommand(), "-Xms256m", "-Xmx512m",
                        "-XX:-OmitStackTraceInFastThrow"));
                command.addAll(jvmOptions);
                command.addAll(List.of("-javaagent:" + agentJar + "=cache=" + cache,
                        "-cp", System.getProperty("java.class.path"), ConsoleBenchmark.class.getName(), "child",
                        mode, Integer.toString(binds)));
                Map<String, List<Double>> figures = runChild(command);
                figures.forEach((k, v) -> (mode.equals("console") ? console : bare)
                        .computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
                System.out.printf(Locale.ROOT, "run %d %-7s warm-up %4.0f ms, first %4.0f ms (CPU %3.0f), later median"
                                + " %5.1f ms (CPU mean %4.1f), bind 20 median %4.0f ms %s (CPU mean %3.0f)%n", run + 1,
                        mode, figures.get("warmup").getFirst(), figures.get("first").getFirst(),
                        figures.get("cpu-first").getFirst(), Stats.median(figures.get("later")),
                        figures.get("cpu-later").getFirst(), Stats.median(figures.get("bind20")),
                        rounded(figures.get("bind20")), figures.get("cpu-bind20").getFirst());
            }
        }
        double first = Stats.median(console.get("first"));
        double later = Stats.median(console.get("later"));
        double bind20 = Stats.median(console.get("bind20"));
        boolean firstOk = first <= FIRST_TARGET_MS;
        boolean laterOk = later <= LATER_TARGET_MS;
        boolean bindOk = bind20 <= BIND20_TARGET_MS;
        System.out.printf(Locale.ROOT, "%-44s console median %6.0f ms %s, bare JShell %.0f ms%n",
                "warm-up (in the background, not a target)", Stats.median(console.get("warmup")),
                rounded(console.get("warmup")), Stats.median(bare.get("warmup")));
        System.out.printf(Locale.ROOT, "%-44s console median %6.0f ms %s, bare JShell %.0f ms %s  [target <= %.0f ms: %s]%n",
                "open + bind + first evaluation", first, rounded(console.get("first")),
                Stats.median(bare.get("first")), rounded(bare.get("first")), FIRST_TARGET_MS,
                firstOk ? "MET" : "MISSED");
        System.out.printf(Locale.ROOT, "%-44s console median %6.1f ms (p90 %.0f, max %.0f), bare JShell %.1f ms"
                        + "  [target <= %.0f ms: %s]%n", "later evaluations (" + runs + " x " + LATER.size() + ")",
                later, percentile(console.get("later"), 0.9), percentile(console.get("later"), 1.0),
                Stats.median(bare.get("later")), LATER_TARGET_MS, laterOk ? "MET" : "MISSED");
        System.out.printf(Locale.ROOT, "%-44s console median %6.0f ms %s, bare JShell %.0f ms  [target <= %.0f ms: %s]%n",
                "bind 20 variables + evaluation using all", bind20, rounded(console.get("bind20")),
                Stats.median(bare.get("bind20")), BIND20_TARGET_MS, bindOk ? "MET" : "MISSED");
        double complete = Stats.median(console.get("complete"));
        boolean completeOk = complete <= COMPLETE_TARGET_MS;
        System.out.printf(Locale.ROOT, "%-44s console median %6.1f ms (max %.0f)  [target <= %.0f ms: %s]%n",
                "completion (" + runs + " x " + COMPLETIONS.size() + ")", complete,
                console.get("complete").stream().mapToDouble(Double::doubleValue).max().orElse(0), COMPLETE_TARGET_MS,
                completeOk ? "MET" : "MISSED");
        System.out.printf(Locale.ROOT, "  bare JShell, the same evaluation with the 20 variables already declared:"
                + " median %.1f ms; in one snippet declaring them as locals (switch (0) { default -> { T v = ...;"
                + " yield <input>; } }): median %.1f ms%n", Stats.median(bare.get("use20")),
                Stats.median(bare.get("oneSnippet20")));
        boolean met = firstOk && laterOk && bindOk && completeOk;
        System.out.println("console" + (jvmOptions.isEmpty() ? "" : " (" + String.join(" ", jvmOptions) + ")")
                + " target " + (met ? "MET" : "MISSED"));
        return met;
    }

    private static Map<String, List<Double>> runChild(List<String> command) throws Exception {
        List<String> lines = ChildJvms.outputOf(command, ProcessBuilder.Redirect.DISCARD, "console child");
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        for (String line : lines) {
            String[] parts = line.split(" ");
            if (parts[0].equals("ms")) {
                for (int i = 2; i < parts.length; i++) {
                    figures.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(Double.parseDouble(parts[i]));
                }
            }
        }
        return figures;
    }

    // ---------------------------------------------------------------- the console child

    private static void consoleChild(int binds) {
        IllegalStateException failure = Invoices.failure();
        List<ConsoleBridge.Frame> frames = ConsoleBridge.capturedFrames(failure);
        ConsoleBridge.Frame twenty = frame(frames, "tax");
        ConsoleBridge.Frame typical = frame(frames, "total");
        try (ConsoleBridge.Consoles consoles = new ConsoleBridge.Consoles()) {
            long t0 = System.nanoTime();
            consoles.warmUp();
            print("warmup", ms(t0));

            long cpu = cpu();
            long t1 = System.nanoTime();
            ConsoleBridge.Console console = consoles.open("tb-1", failure);
            console.bind(typical);
            ConsoleBridge.Answer answer = console.eval(FIRST);
            print("first", ms(t1));
            print("cpu-first", (cpu() - cpu) / 1e6);
            expect(answer, "\"alice#3 owes ");

            consoles.warmUp(); // open() started the next spare: let it finish, as it would while the user reads
            double[] later = new double[LATER.size()];
            cpu = cpu();
            for (int i = 0; i < LATER.size(); i++) {
                long t = System.nanoTime();
                ConsoleBridge.Answer a = console.eval(LATER.get(i));
                later[i] = ms(t);
                expect(a, null);
            }
            print("cpu-later", (cpu() - cpu) / 1e6 / LATER.size());
            print("later", later);

            double[] complete = new double[COMPLETIONS.size()];
            for (int i = 0; i < COMPLETIONS.size(); i++) {
                long t = System.nanoTime();
                List<String> names = console.complete(COMPLETIONS.get(i));
                complete[i] = ms(t);
                if (names.isEmpty()) {
                    throw new IllegalStateException("no completion for " + COMPLETIONS.get(i));
                }
            }
            print("complete", complete);

            double[] bind = new double[binds];
            long bindCpu = 0;
            for (int i = 0; i < binds; i++) {
                cpu = cpu();
                long t = System.nanoTime();
                console.bind(twenty);
                ConsoleBridge.Answer a = console.eval(USE_TWENTY);
                bind[i] = ms(t);
                bindCpu += cpu() - cpu;
                expect(a, "20");
                console.bind(typical); // back, as a user going from frame to frame
                expect(console.eval("count"), "3");
            }
            print("cpu-bind20", bindCpu / 1e6 / binds);
            print("bind20", bind);
        }
    }

    // ---------------------------------------------------------------- the bare child (baseline)

    /** The captured values the bare JShell's declarations read, by name. */
    private static final Map<String, Object> VALUES = new HashMap<>();

    /** For snippets of the bare JShell: the captured value of {@code name}. */
    public static Object value(String name) {
        return VALUES.get(name);
    }

    /**
     * The console's evaluations on a plain JShell: made and warmed up ({@code 1}) on another thread,
     * then for each input the declarations of the frame variables it uses first (once per frame, as the
     * console makes them), then the input.
     */
    private static void bareChild(int binds) throws Exception {
        IllegalStateException failure = Invoices.failure();
        List<ConsoleBridge.Frame> frames = ConsoleBridge.capturedFrames(failure);
        Map<String, String> typical = bareFrame(frame(frames, "total"), failure);
        Map<String, String> twenty = bareFrame(frame(frames, "tax"), failure);
        PrintStream none = new PrintStream(OutputStream.nullOutputStream());
        long t0 = System.nanoTime();
        JShell shell = CompletableFuture.supplyAsync(() -> {
            JShell s = JShell.builder().executionEngine("local").out(none).err(none)
                    .compilerOptions("--class-path", System.getProperty("java.class.path")).build();
            bareEval(s, "import java.util.*;");
            bareEval(s, "1");
            return s;
        }).join();
        print("warmup", ms(t0));
        try (shell) {
            Set<String> declared = new HashSet<>();
            long cpu = cpu();
            long t1 = System.nanoTime();
            bareInput(shell, typical, declared, FIRST);
            print("first", ms(t1));
            print("cpu-first", (cpu() - cpu) / 1e6);

            double[] later = new double[LATER.size()];
            cpu = cpu();
            for (int i = 0; i < LATER.size(); i++) {
                long t = System.nanoTime();
                bareInput(shell, typical, declared, LATER.get(i));
                later[i] = ms(t);
            }
            print("cpu-later", (cpu() - cpu) / 1e6 / LATER.size());
            print("later", later);

            double[] bind = new double[binds];
            double[] use = new double[binds];
            double[] oneSnippet = new double[binds];
            long bindCpu = 0;
            for (int i = 0; i < binds; i++) {
                declared.clear(); // a new frame: the console declares each variable again when used
                cpu = cpu();
                long t = System.nanoTime();
                bareInput(shell, twenty, declared, USE_TWENTY);
                bind[i] = ms(t);
                bindCpu += cpu() - cpu;
                t = System.nanoTime();
                bareEval(shell, USE_TWENTY + " + " + i); // a new input: a snippet JShell has not compiled yet
                use[i] = ms(t);
                StringBuilder locals = new StringBuilder("switch (0) { default -> { ");
                twenty.forEach((name, type) -> locals.append(declaration(type, name)).append(' '));
                t = System.nanoTime();
                bareEval(shell, locals + "yield " + USE_TWENTY + " + " + (i + 100) + "; } }");
                oneSnippet[i] = ms(t);
                declared.clear();
                bareInput(shell, typical, declared, "count");
            }
            print("cpu-bind20", bindCpu / 1e6 / binds);
            print("bind20", bind);
            print("use20", use);
            print("oneSnippet20", oneSnippet);
        }
    }

    /** A frame's variables for the bare JShell: name to the type the console would declare it with. */
    private static Map<String, String> bareFrame(ConsoleBridge.Frame frame, Throwable failure) {
        Map<String, String> types = new LinkedHashMap<>();
        for (ConsoleBridge.Var v : frame.variables()) {
            String name = v.name().equals("this") ? "self" : v.name();
            VALUES.put(name, v.value());
            types.put(name, v.declaredType().replace('$', '.'));
        }
        VALUES.put("ex", failure);
        types.put("ex", failure.getClass().getName());
        return types;
    }

    private static final Pattern NAME = Pattern.compile("(?<![.\\w])[A-Za-z_]\\w*");

    /** Declares the frame variables {@code input} uses that are not declared yet, then evaluates it. */
    private static void bareInput(JShell shell, Map<String, String> frame, Set<String> declared, String input) {
        Matcher names = NAME.matcher(input.replaceAll("\"[^\"]*\"", "\"\""));
        while (names.find()) {
            String name = names.group();
            if (frame.containsKey(name) && declared.add(name)) {
                bareEval(shell, declaration(frame.get(name), name));
            }
        }
        bareEval(shell, input);
    }

    private static String declaration(String type, String name) {
        return type + " " + name + " = (" + type + ") " + ConsoleBenchmark.class.getName() + ".value(\"" + name + "\");";
    }

    /** Evaluates {@code source} as the console does: split into complete snippets first (adds a missing {@code ;}). */
    private static void bareEval(JShell shell, String source) {
        String unit = shell.sourceCodeAnalysis().analyzeCompletion(source).source();
        for (SnippetEvent e : shell.eval(unit == null ? source : unit)) {
            if (e.causeSnippet() == null && (e.status() == Snippet.Status.REJECTED || e.exception() != null)) {
                throw new IllegalStateException("bare JShell rejected " + source + ": "
                        + shell.diagnostics(e.snippet()).map(d -> d.getMessage(Locale.ROOT)).toList() + " "
                        + e.exception());
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static ConsoleBridge.Frame frame(List<ConsoleBridge.Frame> frames, String method) {
        return frames.stream().filter(f -> f.methodName().equals(method)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the agent did not capture " + method + "(): " + frames
                        + " (is the child running with -javaagent?)"));
    }

    private static void expect(ConsoleBridge.Answer answer, String valuePrefix) {
        if (!answer.ok() || valuePrefix != null && (answer.value() == null || !answer.value().startsWith(valuePrefix))) {
            throw new IllegalStateException("unexpected console answer: " + answer);
        }
    }

    /** This process's CPU time in nanoseconds (all threads; 10 ms steps on Linux). */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static void print(String name, double... values) {
        StringBuilder line = new StringBuilder("ms ").append(name);
        for (double v : values) {
            line.append(' ').append(String.format(Locale.ROOT, "%.2f", v));
        }
        System.out.println(line);
    }

    private static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList().toString();
    }
}
