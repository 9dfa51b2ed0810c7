package io.runserverplus.reloader;

import io.runserverplus.spi.ChangeDetector;
import io.runserverplus.spi.WatchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Not a test: measures what each detector costs while nothing changes, as a share of one core.
 * {@code java -cp <test class path> io.runserverplus.reloader.IdleCpuHarness [files] [seconds] [stat-floor]}.
 * The baseline is the same JVM idling without a detector, measured in the same run. Given the path
 * of {@code benchmarks/native/stat-floor} (compiled), it also times one {@code statx} per file per
 * second from C over the same tree: the floor under any poller that sees files rewritten in place.
 */
public final class IdleCpuHarness {

    private IdleCpuHarness() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path root = Files.createTempDirectory("idle-cpu");
        try {
            measureAll(root, files, seconds, args.length > 2 ? args[2] : null);
        } finally {
            try (var tree = Files.walk(root)) {
                for (Path p : (Iterable<Path>) tree.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void measureAll(Path root, int files, int seconds, String statFloor) throws Exception {
        for (int i = 0; i < files; i++) {
            Path dir = Files.createDirectories(root.resolve("p" + i / 100 % 10 + "/q" + i / 100));
            Files.writeString(dir.resolve("C" + i + ".class"), "x");
        }
        var request = new WatchRequest(List.of(root), List.of("*.tmp"), Duration.ofSeconds(1));
        double baseline = measure(null, request, seconds);
        System.out.printf("baseline (no detector): %.3f %% of a core%n", baseline);
        for (String type : List.of("watch", "poll")) {
            double cost = measure(type, request, seconds);
            System.out.printf("%s with %d files: %.3f %% of a core (%.3f above baseline)%n",
                    type, files, cost, cost - baseline);
        }
        if (statFloor != null) {
            Process floor = new ProcessBuilder(statFloor, root.toString(), String.valueOf(seconds))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String[] figures = new String(floor.getInputStream().readAllBytes()).trim().split(" ");
            if (floor.waitFor() != 0 || figures.length < 2) {
                throw new IllegalStateException(statFloor + " failed: " + String.join(" ", figures));
            }
            System.out.printf("floor: one statx per file per second from C over the same %d files: %s %% of a core"
                    + " (%s ms a scan)%n", files, figures[1], figures[0]);
        }
    }

    private static double measure(String type, WatchRequest request, int seconds) throws Exception {
        ChangeDetector detector = type == null ? null : ChangeDetectors.select(type).create(request, p -> { });
        if (detector != null) {
            detector.start();
        }
        Thread.sleep(8_000); // let the JIT settle on the walk
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1_000L);
        long cpu = cpuNanos() - cpu0;
        long wall = System.nanoTime() - t0;
        if (detector != null) {
            detector.close();
        }
        return 100.0 * cpu / wall;
    }

    /**
     * The process's CPU time so far, in nanoseconds: on Linux summed from each thread's
     * {@code schedstat} (exact, where the process total comes in 10 ms ticks, too coarse for the
     * watch detector's 0.05 % target: 5 ms in 10 s); elsewhere the process total.
     */
    private static long cpuNanos() throws java.io.IOException {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
        }
        long total = 0;
        try (var threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    total += Long.parseLong(Files.readString(thread.resolve("schedstat")).split(" ")[0]);
                } catch (java.nio.file.NoSuchFileException ended) {
                    // the thread ended meanwhile; its time is lost either way
                }
            }
        }
        return total;
    }
}
