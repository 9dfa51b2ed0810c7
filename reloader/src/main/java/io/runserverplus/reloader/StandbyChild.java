package io.runserverplus.reloader;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The supervisor's standby child: the next child JVM, started ahead of time with {@link
 * StandbyLauncher} as its main class, which has booted and loaded the jar classes the previous
 * child used while the current one serves. A reload sends it "go" instead of starting a JVM.
 *
 * <p>Each child JVM writes the classes it loads to its own {@code -XX:DumpLoadedClassList} file in
 * a temporary directory; the standby reads the current child's. The standby talks to the
 * supervisor over a loopback socket (it sends a random token, the supervisor later sends "go"),
 * so its stdin stays the terminal's, as for a child started directly. Used by one thread (the
 * supervisor's), except the socket acceptor.
 */
final class StandbyChild implements AutoCloseable {

    /** How long a reload waits for a standby that is still booting; a cold start takes longer. */
    private static final long CONNECT_WAIT_MILLIS = 1_000;

    private final Path dir;
    private final ServerSocket server;
    private final Map<String, CompletableFuture<Socket>> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final List<Path> jars;
    private int lists;
    private Standby current;

    /** A standby JVM; {@code classList} is where it writes the classes it loads. */
    record Standby(ChildProcess process, Path classList, String token,
            CompletableFuture<Socket> control, List<String> jarStamps) {}

    private StandbyChild(Path dir, ServerSocket server, List<Path> jars) {
        this.dir = dir;
        this.server = server;
        this.jars = jars;
        Thread.ofPlatform().daemon().name("runserverplus-standby-accept").start(this::accept);
    }

    /**
     * The standby child for children started from {@code javaHome} with {@code classPath}, or null when
     * that cannot work: another JVM (its options may differ from ours), one without class lists,
     * or a class path without the launcher.
     */
    static StandbyChild open(Path javaHome, String classPath) {
        try {
            if (!Files.isSameFile(javaHome, Path.of(System.getProperty("java.home")))
                    || !hasClassListOption() || !onClassPath(classPath)) {
                return null;
            }
            Path dir = Files.createTempDirectory("runserverplus-classes");
            var server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
            var jars = new ArrayList<Path>();
            for (String entry : classPath.split(File.pathSeparator)) {
                if (!entry.isEmpty() && Files.isRegularFile(Path.of(entry))) {
                    jars.add(Path.of(entry));
                }
            }
            return new StandbyChild(dir, server, List.copyOf(jars));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean hasClassListOption() {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption("DumpLoadedClassList");
            return true;
        } catch (IllegalArgumentException | LinkageError noSuchOption) {
            return false;
        }
    }

    private static boolean onClassPath(String classPath) throws IOException {
        Path launcher;
        try {
            launcher = Path.of(StandbyLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return false;
        }
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.exists(Path.of(entry)) && Files.isSameFile(Path.of(entry), launcher)) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many checks {@value #START_CHECK_MILLIS} ms apart find the child's class list unchanged
     * before the standby starts: a start loads classes without pauses that long, and the sooner
     * the standby has preloaded, the more often it is ready for a quick second save.
     */
    private static final int START_QUIET_CHECKS = 3;
    private static final long START_CHECK_MILLIS = 50;

    /**
     * Runs {@code then} once a child's class list has stopped growing for a moment, unless it is no
     * longer {@code current}: by then the child has started, so a standby started then neither
     * slows its start (both would compete for the cores) nor misses the classes it loaded.
     */
    static void afterStartOf(Path classList, BooleanSupplier current, Runnable then) {
        Thread.ofVirtual().name("runserverplus-standby-wait").start(() -> {
            long last = -1;
            int quiet = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            try {
                while (quiet < START_QUIET_CHECKS && System.nanoTime() < deadline) {
                    Thread.sleep(START_CHECK_MILLIS);
                    if (!current.getAsBoolean()) {
                        return;
                    }
                    long size = Files.exists(classList) ? Files.size(classList) : -1;
                    quiet = size == last && size > 0 ? quiet + 1 : 0;
                    last = size;
                }
            } catch (InterruptedException | IOException e) {
                return;
            }
            then.run();
        });
    }

    /** A new file for a child JVM's {@code -XX:DumpLoadedClassList}. */
    Path newClassList() {
        return dir.resolve("classes-" + lists++ + ".txt");
    }

    /** The JVM option that makes a child write its loaded classes to {@code classList}. */
    static String classListOption(Path classList) {
        return "-XX:DumpLoadedClassList=" + classList;
    }

    /** The arguments after the main class {@link StandbyLauncher} for a standby of {@code mainClass}. */
    static List<String> launcherArgs(Path previousList, String mainClass, List<String> args) {
        var all = new ArrayList<String>();
        all.add(previousList.toString());
        all.add(StandbyLauncher.MARKER);
        all.add(mainClass);
        all.addAll(args);
        return all;
    }

    boolean ready() {
        return current != null;
    }

    /** Starts a standby with {@code command}, which writes its class list to {@code classList}. */
    void prepare(List<String> command, Path classList, Map<String, String> env, OutputTail tail,
            OutputStream out, OutputStream err) throws IOException {
        discard();
        String token = HexFormat.of().formatHex(bytes(16));
        var control = new CompletableFuture<Socket>();
        pending.put(token, control);
        var fullEnv = new java.util.HashMap<>(env);
        fullEnv.put(StandbyLauncher.CONTROL_ENV, server.getLocalPort() + " " + token);
        List<String> stamps = jarStamps();
        try {
            current = new Standby(ChildProcess.start(command, fullEnv, tail, out, err), classList, token, control, stamps);
        } catch (IOException e) {
            pending.remove(token);
            throw e;
        }
    }

    private byte[] bytes(int n) {
        var b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /**
     * Makes the standby the child: sends it "go" and returns it, or returns null (and discards it)
     * when there is none or it cannot be used: it died, it did not connect, or a jar changed since
     * it started (it may hold that jar's old classes).
     */
    Standby take() {
        Standby s = current;
        if (s == null) {
            return null;
        }
        try {
            if (!s.process().process().isAlive() || !s.jarStamps().equals(jarStamps())) {
                return null;
            }
            Socket socket = s.control().get(CONNECT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            try (socket) {
                socket.getOutputStream().write((StandbyLauncher.GO + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            current = null; // taken: not to be discarded
            return s;
        } catch (Exception unusable) {
            return null;
        } finally {
            discard();
        }
    }

    /** Kills the standby, if any. */
    void discard() {
        Standby s = current;
        current = null;
        if (s == null) {
            return;
        }
        pending.remove(s.token());
        s.control().thenAccept(StandbyChild::closeQuietly);
        Process p = s.process().process();
        p.destroyForcibly(); // it runs no app code yet: nothing to shut down gracefully
        try {
            p.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes the class lists that belong to no running JVM any more. */
    void deleteListsExcept(Path... keep) {
        List<Path> kept = Stream.of(keep).filter(Objects::nonNull).toList();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> !kept.contains(f) && (current == null || !f.equals(current.classList())))
                    .forEach(StandbyChild::deleteQuietly);
        } catch (IOException e) {
            // only temporary files
        }
    }

    @Override
    public void close() {
        discard();
        closeQuietly(server);
        deleteListsExcept();
        deleteQuietly(dir);
    }

    private List<String> jarStamps() {
        var stamps = new ArrayList<String>(jars.size());
        for (Path jar : jars) {
            try {
                stamps.add(jar + " " + Files.getLastModifiedTime(jar).toMillis() + " " + Files.size(jar));
            } catch (IOException e) {
                stamps.add(jar + " missing");
            }
        }
        return stamps;
    }

    /** Hands each standby's connection to its {@link Standby}, identified by the token it sends. */
    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setSoTimeout(2_000);
                String token = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                CompletableFuture<Socket> control = token == null ? null : pending.remove(token);
                if (control == null || !control.complete(socket)) {
                    socket.close();
                }
            } catch (IOException e) {
                // a stranger or a standby that died while connecting; closed when the server is
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // nothing left to do
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a JVM on Windows may still hold it; the temp dir is cleaned by the OS
        }
    }
}
