package io.runserverplus.examples.javalin;

import io.runserverplus.reloader.Supervisor;
import java.io.File;
import java.io.IOException;
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

/**
 * Not a test: measures the reloader on the Javalin demo, all figures from the same run.
 *
 * <ol>
 *   <li>cold start: the supervisor's own child command (from {@link Supervisor#command()}, so with
 *       every option the supervisor adds), started directly, until the demo answers;</li>
 *   <li>edit to serving: the demo under its supervisor, as {@code ./run-demo} starts it; the demo's
 *       class file is rewritten in place (as javac does) with a new greeting, and the clock stops
 *       when the demo answers with it;</li>
 *   <li>the reloader's share: the median edit-to-serving minus the median cold start;</li>
 *   <li>the supervisor's resident memory (VmRSS) after the reloads;</li>
 *   <li>source edit to serving: the demo's sources and classes in a Maven layout, under its
 *       supervisor; {@code JavalinDemo.java} is saved with a new greeting, the supervisor compiles it
 *       (the first compile loads javac, reported apart) and reloads, and the clock stops when the
 *       demo answers with it; then the supervisor's resident memory with the compiler warm.</li>
 * </ol>
 *
 * With {@code hotswap} as the last argument, only source edit to serving, under {@code --hotswap}:
 * the edit changes a lambda's body, so the supervisor compiles it and the running demo's class is
 * redefined, without a new JVM.
 *
 * {@code java -cp <test class path> io.runserverplus.examples.javalin.ReloadLatencyHarness
 * <target/classes> <dependency jars> [runs] [no-standby|standby] [hotswap]}; {@code scripts/bench-reload}
 * builds and runs it.
 */
public final class ReloadLatencyHarness {

    private static final String GREETING = "Hello from the Javalin demo";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private ReloadLatencyHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path targetClasses = Path.of(args[0]);
        String jars = args[1];
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Path temp = Files.createTempDirectory("reload-latency");
        if (args[args.length - 1].equals("hotswap")) {
            long[] swaps = new long[runs];
            measureSourceEdits(Path.of(args[0]), jars, runs, Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), swaps, temp, true);
            long[] warm = Arrays.copyOfRange(swaps, 1, swaps.length);
            System.out.printf(".java saved -> hot-swapped and served: median %d ms of %d after the first (min %d, max %d);"
                    + " the first (javac loading) %d ms%n", median(warm) / 1_000_000, warm.length, min(warm) / 1_000_000,
                    max(warm) / 1_000_000, swaps[0] / 1_000_000);
            long[] classEdits = hotSwapClassEdits(Path.of(args[0]), jars, runs, temp);
            System.out.printf("class file written -> hot-swapped and served: median %d ms of %d (min %d, max %d)%n",
                    median(classEdits) / 1_000_000, runs, min(classEdits) / 1_000_000, max(classEdits) / 1_000_000);
            return;
        }
        Path classes = temp.resolve("classes");
        DemoFiles.copyTree(targetClasses, classes);
        String classPath = classes + File.pathSeparator + jars;
        Path demoClass = classes.resolve(JavalinDemo.class.getName().replace('.', '/') + ".class");
        byte[] original = Files.readAllBytes(demoClass);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        int port = DemoFiles.freePort();
        String url = "http://127.0.0.1:" + port + "/";
        // -Drunserverplus.standby=false measures reloads without the standby child JVM.
        var supervisorCommand = new ArrayList<String>(List.of(java));
        if (args.length > 3 && args[3].equals("no-standby")) {
            supervisorCommand.add("-Drunserverplus.standby=false");
        }
        supervisorCommand.addAll(List.of("-cp", classPath, JavalinDemo.class.getName(), "127.0.0.1:" + port));
        Process supervisor = new ProcessBuilder(supervisorCommand)
                .redirectErrorStream(true).redirectOutput(temp.resolve("supervisor.txt").toFile()).start();
        long[] edits = new long[runs];
        long rssStart;
        long rssEnd;
        try {
            awaitBody(url, GREETING, 60);
            rssStart = rssKb(supervisor.pid());
            for (int i = 0; i < runs; i++) {
                String greeting = String.format("Hello from reload number %02d", i);
                byte[] changed = replace(original, GREETING, greeting);
                Thread.sleep(1_000); // let the new child settle, as between two edits
                long t0 = System.nanoTime();
                Files.write(demoClass, changed); // in place, as javac writes
                awaitBody(url, greeting, 60);
                edits[i] = System.nanoTime() - t0;
                System.out.printf("edit %d -> served: %d ms%n", i + 1, edits[i] / 1_000_000);
            }
            rssEnd = rssKb(supervisor.pid());
        } finally {
            stop(supervisor);
        }
        Files.write(demoClass, original);

        // The child command as the supervisor builds it (same options), started without supervisor.
        List<String> command = Supervisor.builder().mainClass(JavalinDemo.class.getName())
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
                awaitBody(url, GREETING, 60);
                colds[i] = System.nanoTime() - t0;
            } finally {
                stop(child);
            }
            System.out.printf("cold start %d -> served: %d ms%n", i + 1, colds[i] / 1_000_000);
        }

        long[] sourceEdits = new long[runs];
        long rssCompiler = measureSourceEdits(targetClasses, jars, runs, java, sourceEdits, temp, false);

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
        long[] warm = Arrays.copyOfRange(sourceEdits, 1, sourceEdits.length);
        System.out.printf(".java saved -> new response served: median %d ms of %d after the first (min %d, max %d);"
                + " the first (javac loading) %d ms%n", median(warm) / 1_000_000, warm.length, min(warm) / 1_000_000,
                max(warm) / 1_000_000, sourceEdits[0] / 1_000_000);
        System.out.printf("supervisor RSS with the compiler warm: %d MB (5 s after the last compile)%n",
                rssCompiler / 1024);
    }

    /** Phase 4: returns the supervisor's RSS in kB after the edits; fills {@code times}. */
    private static long measureSourceEdits(Path targetClasses, String jars, int runs, String java, long[] times,
            Path temp, boolean hotswap) throws Exception {
        Path project = temp.resolve("project");
        Path classes = project.resolve("target/classes");
        Path sources = project.resolve("src/main/java");
        DemoFiles.copyTree(targetClasses, classes);
        DemoFiles.copyTree(targetClasses.getParent().getParent().resolve("src/main/java"), sources);
        Path demoSource = sources.resolve(JavalinDemo.class.getName().replace('.', '/') + ".java");
        String original = Files.readString(demoSource);
        int port = DemoFiles.freePort();
        String url = "http://127.0.0.1:" + port + "/";
        var command = new ArrayList<>(List.of(java, "-cp", classes + File.pathSeparator + jars,
                JavalinDemo.class.getName(), "127.0.0.1:" + port));
        if (hotswap) {
            command.add("--hotswap");
        }
        Process supervisor = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(temp.resolve("supervisor-sources.txt").toFile()).start();
        try {
            awaitBody(url, GREETING, 60);
            for (int i = 0; i < runs; i++) {
                String greeting = String.format("Hello from source edit %02d", i);
                Thread.sleep(1_000);
                long t0 = System.nanoTime();
                Files.writeString(demoSource, original.replace(GREETING, greeting));
                awaitBody(url, greeting, 60);
                times[i] = System.nanoTime() - t0;
                System.out.printf(".java edit %d -> served: %d ms%n", i + 1, times[i] / 1_000_000);
            }
            long right = rssKb(supervisor.pid());
            Thread.sleep(5_000); // waiting for the next save: the supervisor gives back javac's heap (HeapTrim)
            long settled = rssKb(supervisor.pid());
            System.out.printf("supervisor RSS right after the last .java edit was served: %d MB%n", right / 1024);
            return settled;
        } finally {
            stop(supervisor);
        }
    }

    /** Under --hotswap, the demo's class file rewritten in place (as an IDE's build writes it) until served. */
    private static long[] hotSwapClassEdits(Path targetClasses, String jars, int runs, Path temp) throws Exception {
        Path classes = temp.resolve("hotswap-classes");
        DemoFiles.copyTree(targetClasses, classes);
        Path demoClass = classes.resolve(JavalinDemo.class.getName().replace('.', '/') + ".class");
        byte[] original = Files.readAllBytes(demoClass);
        int port = DemoFiles.freePort();
        String url = "http://127.0.0.1:" + port + "/";
        Process supervisor = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + jars, JavalinDemo.class.getName(), "127.0.0.1:" + port, "--hotswap")
                .redirectErrorStream(true).redirectOutput(temp.resolve("supervisor-hotswap.txt").toFile()).start();
        long[] times = new long[runs];
        try {
            awaitBody(url, GREETING, 60);
            for (int i = 0; i < runs; i++) {
                String greeting = String.format("Hello from hot swap nr.. %02d", i);
                Thread.sleep(1_000);
                long t0 = System.nanoTime();
                Files.write(demoClass, replace(original, GREETING, greeting));
                awaitBody(url, greeting, 60);
                times[i] = System.nanoTime() - t0;
                System.out.printf("class file %d -> hot-swapped, served: %d ms%n", i + 1, times[i] / 1_000_000);
            }
        } finally {
            stop(supervisor);
        }
        return times;
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


}
