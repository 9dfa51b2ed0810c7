package io.runserverplus.reloader;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code --hotswap}: hands the class files of a change to the running child, whose capture agent
 * redefines the loaded ones ({@code Instrumentation.redefineClasses}); the JVM itself refuses a
 * change that is more than method bodies (a method, field or lambda added or removed, a signature
 * changed), and then the supervisor restarts the app as without hot swap.
 *
 * <p>The channel is a directory only this user can write to (created owner-only), named to each
 * child in {@value #DIRECTORY_ENV}: the supervisor writes {@code <pid>.swap} (renamed into place
 * whole), the child's agent, which watches the directory, answers {@code <pid>.done}, which wakes the
 * supervisor (it watches the directory too, where the OS tells of changes). No port is
 * opened: the app's port never takes class bytes, and another local user cannot write there.
 */
final class HotSwap implements AutoCloseable {

    /** Also read by the capture agent (console module), which cannot see this class. */
    static final String DIRECTORY_ENV = "RUNSERVERPLUS_HOTSWAP_DIR";
    /** How long the child may take to redefine; longer (a JVM stuck in a safepoint) and the app restarts. */
    private static final long ANSWER_SECONDS = 20;

    /** What the child did: {@code redefined} classes, or why it could not (null when it did). */
    record Outcome(int redefined, String whyNot) {
        boolean swapped() {
            return whyNot == null;
        }
    }

    private final Path directory;
    /** Wakes the supervisor when the child's answer arrives; null where the OS offers no such watch (then it polls). */
    private final WatchService answers;

    private HotSwap(Path directory) {
        this.directory = directory;
        this.answers = watch(directory);
    }

    /** A watch the OS wakes (inotify on Linux); null for the JDK's polling one, which looks every few seconds. */
    private static WatchService watch(Path directory) {
        try {
            WatchService service = directory.getFileSystem().newWatchService();
            if (service.getClass().getSimpleName().startsWith("Polling")) {
                service.close();
                return null;
            }
            directory.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            return service;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The channel to the supervisor's children under {@code --hotswap}, or null: off, or the children
     * get no agent to redefine classes with (said once on the terminal), or no directory could be made.
     */
    static HotSwap forChildren(SupervisorSettings settings) {
        if (!settings.hotswap()) {
            return null;
        }
        boolean agent = java.util.stream.Stream.concat(settings.jvmOptions().stream(), settings.parentOptions().stream())
                .anyMatch(option -> option.startsWith("-javaagent:"));
        if (!agent) {
            settings.err().println(" * --hotswap is off: the app's JVM gets no agent to redefine classes with (put"
                    + " io.runserverplus:runserverplus-console on its class path); changes restart it.");
            return null;
        }
        return open(settings.err());
    }

    /** A new channel directory, or null (with a line saying so) when none can be made. */
    private static HotSwap open(java.io.PrintStream err) {
        try {
            // Owner-only on POSIX (createTempDirectory's default), the user's own temp directory elsewhere.
            return new HotSwap(Files.createTempDirectory("runserverplus-hotswap"));
        } catch (IOException e) {
            err.println(" * --hotswap is off: cannot create its directory in " + System.getProperty("java.io.tmpdir")
                    + " (" + e.getMessage() + ").");
            return null;
        }
    }

    Path directory() {
        return directory;
    }

    /**
     * The classes of a batch of changed files, by binary name, when every file is a class file in
     * a watched class directory that still exists; else null, with {@code why} saying which is not.
     */
    static Map<String, Path> classesOf(Set<Path> changed, List<Path> watchedRoots, StringBuilder why) {
        Map<String, Path> classes = new LinkedHashMap<>();
        for (Path path : changed) {
            Path file = path.toAbsolutePath().normalize();
            Path root = watchedRoots.stream().map(r -> r.toAbsolutePath().normalize())
                    .filter(r -> file.startsWith(r) && !file.equals(r)).findFirst().orElse(null);
            if (!file.toString().endsWith(".class") || root == null) {
                why.append("'").append(file.getFileName()).append("' is not a class file of the app");
                return null;
            }
            if (!Files.isRegularFile(file)) {
                why.append("'").append(file.getFileName()).append("' was deleted");
                return null;
            }
            String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
            classes.put(relative.substring(0, relative.length() - ".class".length()), file);
        }
        return classes;
    }

    /**
     * Redefines the changed classes in the running child {@code pid}; null when it did (the
     * terminal says so, and live-reloaded pages refresh), else why not, for the line that says the
     * app restarts.
     */
    String swapChanged(long pid, Set<Path> reload, SupervisorSettings settings, Path servingFile) {
        StringBuilder why = new StringBuilder();
        // Static files among the changes are served as they are now by the running app: not a reason to restart.
        Set<Path> notStatic = new LinkedHashSet<>();
        reload.stream().filter(path -> !settings.staticFiles().allStatic(Set.of(path), settings.watch().roots()))
                .forEach(notStatic::add);
        Map<String, Path> classes = classesOf(notStatic, settings.watch().roots(), why);
        if (classes == null) {
            return why.toString();
        }
        Outcome outcome;
        try {
            outcome = swap(pid, classes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        if (!outcome.swapped()) {
            return outcome.whyNot();
        }
        settings.out().println(" * Hot-swapped " + outcome.redefined() + (outcome.redefined() == 1 ? " class" : " classes")
                + " (method bodies only)");
        StaticChanges.count(servingFile); // the same app serves new code: live-reloaded pages refresh as for static files
        return null;
    }

    /** Asks the child to redefine the classes; waits for its answer. */
    Outcome swap(long pid, Map<String, Path> classes) throws InterruptedException {
        Path request = directory.resolve(pid + ".swap");
        Path answer = directory.resolve(pid + ".done");
        try {
            Files.deleteIfExists(answer);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(classes.size());
                for (var entry : classes.entrySet()) {
                    byte[] classFile = Files.readAllBytes(entry.getValue());
                    out.writeUTF(entry.getKey());
                    out.writeInt(classFile.length);
                    out.write(classFile);
                }
            }
            Path temp = Files.createTempFile(directory, pid + "-", ".tmp");
            Files.write(temp, bytes.toByteArray());
            Files.move(temp, request, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return new Outcome(0, "the class files could not be handed over (" + e.getMessage() + ")");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ANSWER_SECONDS);
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(answer)) {
                try {
                    String text = Files.readString(answer, StandardCharsets.UTF_8).strip();
                    Files.deleteIfExists(answer);
                    return parse(text);
                } catch (IOException e) {
                    return new Outcome(0, "the app's answer could not be read (" + e.getMessage() + ")");
                }
            }
            awaitChange(deadline);
        }
        try {
            Files.deleteIfExists(request);
        } catch (IOException e) {
            // the child is gone or stuck: it restarts either way
        }
        return new Outcome(0, "the app did not answer within " + ANSWER_SECONDS + " s");
    }

    /** Until something changes in the directory (the answer, or our own request), or the deadline. */
    private void awaitChange(long deadline) throws InterruptedException {
        if (answers == null) {
            Thread.sleep(5); // only while a swap is under way: a few hundred milliseconds at most
            return;
        }
        try {
            WatchKey key = answers.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (key != null) {
                key.pollEvents();
                key.reset();
            }
        } catch (ClosedWatchServiceException closed) {
            Thread.sleep(5);
        }
    }

    /** {@code ok N}, or {@code no <reason>}, as the agent writes it. */
    private static Outcome parse(String text) {
        if (text.startsWith("ok ")) {
            try {
                return new Outcome(Integer.parseInt(text.substring(3).strip()), null);
            } catch (NumberFormatException garbled) {
                return new Outcome(0, "the app's answer is garbled: " + text);
            }
        }
        return new Outcome(0, text.startsWith("no ") ? text.substring(3) : text);
    }

    @Override
    public void close() {
        if (answers != null) {
            try {
                answers.close();
            } catch (IOException e) {
                // the watch ends with this JVM
            }
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temp directory left behind
        }
    }
}
