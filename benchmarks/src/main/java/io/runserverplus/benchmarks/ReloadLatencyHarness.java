package io.runserverplus.benchmarks;

import io.runserverplus.reloader.Supervisor;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Measures the reloader on one of the demos under {@code examples/}, all figures from the same run.
 *
 * <ol>
 *   <li>edit to serving: the demo under its supervisor (with the standby JVM), as {@code ./run-demo}
 *       starts it; the demo's main class file, in a copy of its {@code target/classes}, is rewritten
 *       in place (as javac does) with a new greeting, and the clock stops when the demo answers with it;</li>
 *   <li>cold start: the supervisor's own child command (from {@link Supervisor#command()}, so with
 *       every option the supervisor adds), started directly, until the demo answers;</li>
 *   <li>the reloader's share: the median edit-to-serving minus the median cold start;</li>
 *   <li>the supervisor's resident memory (VmRSS) after the reloads;</li>
 *   <li>unless {@code class-file} is given: source edit to serving: the demo's sources and classes in a
 *       Maven layout, under its supervisor; the main class's {@code .java} file is saved with a new
 *       greeting, the supervisor compiles it (the first compile loads javac, reported apart) and
 *       reloads, and the clock stops when the demo answers with it; then the supervisor's resident
 *       memory with the compiler warm.</li>
 * </ol>
 *
 * With {@code hotswap} as the last argument, only source edit to serving, under {@code --hotswap}:
 * the edit changes a lambda's body, so the supervisor compiles it and the running demo's class is
 * redefined, without a new JVM; then the same with the class file written.
 *
 * {@code java -cp <this module's class path> io.runserverplus.benchmarks.ReloadLatencyHarness <demo dir>
 * <main class> <greeting> [runs] [no-standby|standby] [class-file|all|hotswap]}, where the greeting is the
 * string constant of the main class that its {@code /} answers with, after {@code ./mvnw package} of the
 * demo (its {@code target/classes} and {@code target/runtime-classpath.txt} are used);
 * {@code scripts/bench-reload} builds and runs it for each demo.
 */
public final class ReloadLatencyHarness {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Path targetClasses;
    private final String jars;
    private final String mainClass;
    private final String greeting;
    private final Path temp;

    private ReloadLatencyHarness(Path demo, String mainClass, String greeting) throws IOException {
        this.targetClasses = demo.resolve("target/classes");
        Path classPathFile = demo.resolve("target/runtime-classpath.txt");
        if (!Files.isRegularFile(classPathFile)) {
            throw new IllegalArgumentException("There is no " + classPathFile + ": build the demo first ("
                    + "./mvnw -pl " + demo + " -am package -DskipTests).");
        }
        this.jars = Files.readString(classPathFile).strip();
        this.mainClass = mainClass;
        this.greeting = greeting;
        this.temp = Files.createTempDirectory("reload-latency");
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (IllegalArgumentException badArguments) {
            System.err.println(badArguments.getMessage());
            System.exit(2);
        }
    }

    private static void run(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("Usage: ReloadLatencyHarness <demo dir> <main class> <greeting> [runs]"
                    + " [no-standby|standby] [class-file|all|hotswap]");
        }
        var harness = new ReloadLatencyHarness(Path.of(args[0]), args[1], args[2]);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        boolean standby = args.length <= 4 || !args[4].equals("no-standby");
        String mode = args.length > 5 ? args[5] : "all";
        switch (mode) {
            case "hotswap" -> harness.hotSwap(runs);
            case "class-file" -> harness.classFileEdits(runs, standby);
            case "all" -> {
                harness.classFileEdits(runs, standby);
                harness.sourceEdits(runs);
            }
            default -> throw new IllegalArgumentException("'" + mode + "' is not a mode: give class-file, all or hotswap.");
        }
    }

    private void hotSwap(int runs) throws Exception {
        long[] swaps = new long[runs];
        long rssCompiler = measureSourceEdits(runs, swaps, true);
        long[] warm = Arrays.copyOfRange(swaps, 1, swaps.length);
        System.out.printf(".java saved -> hot-swapped and served: median %d ms of %d after the first (min %d, max %d);"
                + " the first (javac loading) %d ms%n", median(warm) / 1_000_000, warm.length, min(warm) / 1_000_000,
                max(warm) / 1_000_000, swaps[0] / 1_000_000);
        System.out.printf("supervisor RSS with the compiler warm: %d MB (5 s after the last compile)%n", rssCompiler / 1024);
        long[] classEdits = hotSwapClassEdits(runs);
        System.out.printf("class file written -> hot-swapped and served: median %d ms of %d (min %d, max %d)%n",
                median(classEdits) / 1_000_000, runs, min(classEdits) / 1_000_000, max(classEdits) / 1_000_000);
    }

    /** Class file edits under the supervisor, then cold starts; prints both. */
    private void classFileEdits(int runs, boolean standby) throws Exception {
        Path classes = temp.resolve("classes");
        copyTree(targetClasses, classes);
        String classPath = classes + File.pathSeparator + jars;
        Path demoClass = classes.resolve(mainClass.replace('.', '/') + ".class");
        byte[] original = Files.readAllBytes(demoClass);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        int port = freePort();
        String url = "http://127.0.0.1:" + port + "/";
        // -Drunserverplus.standby=false measures reloads without the standby child JVM.
        var supervisorCommand = new ArrayList<String>(List.of(java));
        if (!standby) {
            supervisorCommand.add("-Drunserverplus.standby=false");
        }
        supervisorCommand.addAll(List.of("-cp", classPath, mainClass, "127.0.0.1:" + port));
        Process supervisor = new ProcessBuilder(supervisorCommand)
                .redirectErrorStream(true).redirectOutput(temp.resolve("supervisor.txt").toFile()).start();
        long[] edits = new long[runs];
        long rssStart;
        long rssEnd;
        try {
            awaitBody(url, greeting, 60);
            rssStart = rssKb(supervisor.pid());
            for (int i = 0; i < runs; i++) {
                String changed = sameLength("Hello from reload", i);
                Thread.sleep(1_000); // let the new child settle, as between two edits
                long t0 = System.nanoTime();
                Files.write(demoClass, replace(original, greeting, changed)); // in place, as javac writes
                awaitBody(url, changed, 60);
                edits[i] = System.nanoTime() - t0;
                System.out.printf("edit %d -> served: %d ms%n", i + 1, edits[i] / 1_000_000);
            }
            rssEnd = rssKb(supervisor.pid());
        } finally {
            stop(supervisor);
        }
        Files.write(demoClass, original);

        // The child command as the supervisor builds it (same options), started without supervisor.
        List<String> command = Supervisor.builder().mainClass(mainClass)
                .args(List.of("127.0.0.1:" + port)).classPath(classPath).parentOptions(List.of())
                .build().command();
        long[] colds = new long[runs];
        for (int i = 0; i < runs; i++) {
            var builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(temp.resolve("child-" + i + ".txt").toFile());
            builder.environment().putAll(Map.of(Supervisor.CHILD_ENV, "1",
                    Supervisor.SUPERVISOR_PID_ENV, Long.toString(ProcessHandle.current().pid())));
            Thread.sleep(500);
            long t0 = System.nanoTime();
            Process child = builder.start();
            try {
                awaitBody(url, greeting, 60);
                colds[i] = System.nanoTime() - t0;
            } finally {
                stop(child);
            }
            System.out.printf("cold start %d -> served: %d ms%n", i + 1, colds[i] / 1_000_000);
        }

        long cold = median(colds);
        long edit = median(edits);
        System.out.println();
        System.out.println("child command: " + String.join(" ", command).replace(classPath, "<cp>"));
        System.out.printf("cold child start -> first response: median %d ms of %d (min %d, max %d)%n",
                cold / 1_000_000, runs, min(colds) / 1_000_000, max(colds) / 1_000_000);
        System.out.printf("edit -> new response served:        median %d ms of %d (min %d, max %d)%n",
                edit / 1_000_000, runs, min(edits) / 1_000_000, max(edits) / 1_000_000);
        System.out.printf("reloader share (edit - cold start): %d ms%n", (edit - cold) / 1_000_000);
        System.out.printf("edit / cold start:                   %.2f%n", (double) edit / cold);
        System.out.printf("supervisor RSS: %d MB after start, %d MB after %d reloads%n",
                rssStart / 1024, rssEnd / 1024, runs);
    }

    /** Source edits under the supervisor; prints them. */
    private void sourceEdits(int runs) throws Exception {
        long[] sourceEdits = new long[runs];
        long rssCompiler = measureSourceEdits(runs, sourceEdits, false);
        long[] warm = Arrays.copyOfRange(sourceEdits, 1, sourceEdits.length);
        System.out.printf(".java saved -> new response served: median %d ms of %d after the first (min %d, max %d);"
                + " the first (javac loading) %d ms%n", median(warm) / 1_000_000, warm.length, min(warm) / 1_000_000,
                max(warm) / 1_000_000, sourceEdits[0] / 1_000_000);
        System.out.printf("supervisor RSS with the compiler warm: %d MB (5 s after the last compile)%n",
                rssCompiler / 1024);
    }

    private static final long IDLE_BEFORE_SAVE_MILLIS = 15_000;

    /** Phase 4: returns the supervisor's RSS in kB after the edits; fills {@code times}. */
    private long measureSourceEdits(int runs, long[] times, boolean hotswap) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path project = temp.resolve("project");
        Path classes = project.resolve("target/classes");
        Path sources = project.resolve("src/main/java");
        copyTree(targetClasses, classes);
        copyTree(targetClasses.getParent().getParent().resolve("src/main/java"), sources);
        Path demoSource = sources.resolve(mainClass.replace('.', '/') + ".java");
        String original = Files.readString(demoSource);
        int port = freePort();
        String url = "http://127.0.0.1:" + port + "/";
        var command = new ArrayList<>(List.of(java, "-cp", classes + File.pathSeparator + jars,
                mainClass, "127.0.0.1:" + port));
        if (hotswap) {
            command.add("--hotswap");
        }
        Process supervisor = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(temp.resolve("supervisor-sources.txt").toFile()).start();
        try {
            awaitBody(url, greeting, 60);
            for (int i = 0; i < runs; i++) {
                String changed = String.format("Hello from source edit %02d", i);
                Thread.sleep(1_000);
                long t0 = System.nanoTime();
                Files.writeString(demoSource, original.replace(greeting, changed));
                awaitBody(url, changed, 60);
                times[i] = System.nanoTime() - t0;
                System.out.printf(".java edit %d -> served: %d ms%n", i + 1, times[i] / 1_000_000);
            }
            long right = rssKb(supervisor.pid());
            Thread.sleep(5_000); // waiting for the next save: the supervisor gives back javac's heap (HeapTrim)
            long settled = rssKb(supervisor.pid());
            System.out.printf("supervisor RSS right after the last .java edit was served: %d MB%n", right / 1024);
            // A user's usual save: after a while of reading, with javac's heap given back.
            Thread.sleep(IDLE_BEFORE_SAVE_MILLIS - 5_000);
            long t0 = System.nanoTime();
            Files.writeString(demoSource, original.replace(greeting, "Hello after a pause"));
            awaitBody(url, "Hello after a pause", 60);
            System.out.printf(".java save after %d s idle -> served: %d ms%n", IDLE_BEFORE_SAVE_MILLIS / 1000,
                    (System.nanoTime() - t0) / 1_000_000);
            // javac's share of each save, as the supervisor printed it (" * Compiled JavalinDemo.java in 93 ms")
            System.out.println("javac per save: " + Files.readAllLines(temp.resolve("supervisor-sources.txt")).stream()
                    .filter(line -> line.startsWith(" * Compiled "))
                    .map(line -> line.replaceAll(".* in (\\d+ ms).*", "$1")).toList());
            return settled;
        } finally {
            stop(supervisor);
        }
    }

    /** Under --hotswap, the demo's class file rewritten in place (as an IDE's build writes it) until served. */
    private long[] hotSwapClassEdits(int runs) throws Exception {
        Path classes = temp.resolve("hotswap-classes");
        copyTree(targetClasses, classes);
        Path demoClass = classes.resolve(mainClass.replace('.', '/') + ".class");
        byte[] original = Files.readAllBytes(demoClass);
        int port = freePort();
        String url = "http://127.0.0.1:" + port + "/";
        Process supervisor = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + jars, mainClass, "127.0.0.1:" + port, "--hotswap")
                .redirectErrorStream(true).redirectOutput(temp.resolve("supervisor-hotswap.txt").toFile()).start();
        long[] times = new long[runs];
        try {
            awaitBody(url, greeting, 60);
            for (int i = 0; i < runs; i++) {
                String changed = sameLength("Hello from hot swap", i);
                Thread.sleep(1_000);
                long t0 = System.nanoTime();
                Files.write(demoClass, replace(original, greeting, changed));
                awaitBody(url, changed, 60);
                times[i] = System.nanoTime() - t0;
                System.out.printf("class file %d -> hot-swapped, served: %d ms%n", i + 1, times[i] / 1_000_000);
            }
        } finally {
            stop(supervisor);
        }
        return times;
    }

    /**
     * "{@code <text> <i>}" padded with dots to the greeting's length: a class file's constant is
     * replaced in place, so the new one must be as long.
     */
    private String sameLength(String text, int i) {
        String numbered = String.format("%s %02d", text, i);
        if (numbered.length() > greeting.length()) {
            throw new IllegalArgumentException("The greeting '" + greeting + "' is too short: give one of at least "
                    + numbered.length() + " characters.");
        }
        return numbered + ".".repeat(greeting.length() - numbered.length());
    }

    /** A class file with one string constant replaced by another of the same length. */
    private static byte[] replace(byte[] classFile, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.UTF_8);
        byte[] b = to.getBytes(StandardCharsets.UTF_8);
        if (a.length != b.length) {
            throw new IllegalArgumentException("same length needed: '" + from + "' / '" + to + "'");
        }
        byte[] out = classFile.clone();
        for (int i = 0; i + a.length <= out.length; i++) {
            if (Arrays.equals(out, i, i + a.length, a, 0, a.length)) {
                System.arraycopy(b, 0, out, i, b.length);
                return out;
            }
        }
        throw new IllegalStateException("'" + from + "' is not in the class file");
    }

    private static void awaitBody(String url, String text, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            try {
                if (CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body().contains(text)) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no response containing '" + text + "' within " + seconds + " s");
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            child.destroyForcibly();
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    /** A port nobody listens on right now (the demo gets it as its addrport). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Copies a directory tree, e.g. target/classes, so that the harness changes classes without touching the build. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
