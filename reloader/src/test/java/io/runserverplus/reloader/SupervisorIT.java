package io.runserverplus.reloader;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.WatchRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
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
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor with real child JVMs running {@link TestApp}. */
class SupervisorIT {

    /** Child JVMs start faster with these; the tests start a dozen. */
    private static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    @TempDir
    Path dir;

    private int port;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<ProcessHandle> started = new ArrayList<>();
    private Supervisor supervisor;
    private Thread runner;

    @BeforeEach
    void freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(dir.resolve("src"));
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (supervisor != null) {
            supervisor.close();
            runner.join(10_000);
        }
        started.forEach(ProcessHandle::destroyForcibly);
    }

    private void startSupervisor(String mode) throws IOException {
        startSupervisor(mode, List.of());
    }

    private void startSupervisor(String mode, List<String> moreJvmOptions) throws IOException {
        startSupervisor(mode, moreJvmOptions, UnaryOperator.identity());
    }

    /** The secret the supervisor hands its children, which the failure page must never show. */
    private static final String SECRET = "0123456789abcdef-the-cookie-key";

    private void startSupervisor(String mode, List<String> moreJvmOptions, UnaryOperator<SupervisorBuilder> more)
            throws IOException {
        Files.writeString(dir.resolve("mode"), mode);
        var jvmOptions = new ArrayList<>(FAST_START);
        jvmOptions.addAll(moreJvmOptions);
        var tee = new PrintStream(new Tee(output, System.out), true, StandardCharsets.UTF_8);
        supervisor = more.apply(Supervisor.builder()
                .mainClass(TestApp.class)
                .args(List.of(dir.toString(), Integer.toString(port)))
                .jvmOptions(jvmOptions)
                .environment(java.util.Map.of("TEST_SECRET", SECRET))
                .trustedHost((header, host) -> header.equals("127.0.0.1:" + port))
                .port(port)
                .reloaderType("watch")
                .watch(WatchRequest.of(List.of(dir.resolve("src"))))
                .quietPeriod(Duration.ofMillis(100))
                .out(tee)
                .err(tee))
                .build();
        runner = Thread.ofPlatform().name("supervisor").start(supervisor::run);
    }

    private void edit() throws IOException {
        Files.writeString(dir.resolve("src/A.class"), "edit " + System.nanoTime());
    }

    /** Waits for a child other than {@code previous} to serve, and returns its pid. */
    private long awaitServing(long previous) throws Exception {
        return awaitServing(previous, Duration.ofSeconds(20));
    }

    private long awaitServing(long previous, Duration timeout) throws Exception {
        long pid = await(() -> {
            try {
                long p = Long.parseLong(Files.readString(dir.resolve("pid")).strip());
                return p != previous && get().body().equals("hello from " + p) ? p : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }, timeout);
        ProcessHandle.of(pid).ifPresent(started::add);
        return pid;
    }

    private HttpResponse<String> get() throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/any/page"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private HttpResponse<String> awaitFailurePage() throws Exception {
        return await(() -> {
            try {
                HttpResponse<String> response = get();
                return response.statusCode() == 503 ? response : null;
            } catch (IOException e) {
                return null;
            }
        });
    }

    private static <T> T await(Supplier<T> probe) throws InterruptedException {
        return await(probe, Duration.ofSeconds(20));
    }

    private static <T> T await(Supplier<T> probe, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Timed out after " + timeout.toSeconds() + " s");
    }

    private static boolean gone(long pid) {
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    @Test
    void aChangeRestartsTheChildGracefullyAndStoppingLeavesNoChild() throws Exception {
        startSupervisor("serve");
        long first = awaitServing(0);
        assertThat(supervisor.child()).map(ProcessHandle::pid).contains(first);

        edit();
        long second = awaitServing(first);

        assertThat(dir.resolve("stopped-" + first)).as("shutdown hooks ran").exists();
        assertThat(gone(first)).isTrue();
        String out = output.toString(StandardCharsets.UTF_8);
        assertThat(out).contains(" * Restarting with watch\n", " * Detected change in '" + dir.resolve("src/A.class")
                + "', reloading\n", "serving on " + port + " as " + second);

        supervisor.close();
        runner.join(10_000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(gone(second)).as("no child left after stop").isTrue();
        assertThat(dir.resolve("stopped-" + second)).exists();
    }

    /** The standby JVMs among {@code parent}'s descendants, by their main class. */
    private static List<ProcessHandle> standbys(ProcessHandle parent) {
        return parent.descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(List::of).orElse(List.of())
                        .contains(StandbyLauncher.class.getName()))
                .toList();
    }

    private long awaitStandby(ProcessHandle parent, long except) throws InterruptedException {
        return await(() -> standbys(parent).stream().mapToLong(ProcessHandle::pid).filter(p -> p != except)
                .boxed().findFirst().orElse(null));
    }

    @Test
    void aReloadMakesTheWaitingStandbyTheChildAndStoppingLeavesNoStandby() throws Exception {
        startSupervisor("serve");
        long first = awaitServing(0);
        long standby = awaitStandby(ProcessHandle.current(), first);
        Thread.sleep(1_000); // done preloading: the usual case, a change long after the start

        edit();
        long second = awaitServing(first);

        assertThat(second).as("the child that serves now was started before the change").isEqualTo(standby);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("serving on " + port + " as " + second);
        long next = awaitStandby(ProcessHandle.current(), second);
        supervisor.close();
        runner.join(10_000);
        assertThat(gone(second)).isTrue();
        assertThat(gone(next)).as("the next standby is stopped with the supervisor").isTrue();
        assertThat(standbys(ProcessHandle.current())).isEmpty();
    }

    @Test
    void aChangeWhileTheStandbyIsStillStartingIsServedByIt() throws Exception {
        startSupervisor("serve");
        long first = awaitServing(0);
        long standby = awaitStandby(ProcessHandle.current(), first);

        edit(); // at once: the standby is booting or preloading

        assertThat(awaitServing(first)).isEqualTo(standby);
        edit();
        awaitServing(standby);
    }

    @Test
    void withoutStandbyEveryReloadStartsAJvm() throws Exception {
        Files.writeString(dir.resolve("mode"), "serve");
        supervisor = Supervisor.builder().mainClass(TestApp.class)
                .args(List.of(dir.toString(), Integer.toString(port))).jvmOptions(FAST_START).port(port)
                .reloaderType("watch").watch(WatchRequest.of(List.of(dir.resolve("src"))))
                .quietPeriod(Duration.ofMillis(100)).standby(false).build();
        runner = Thread.ofPlatform().name("supervisor").start(supervisor::run);
        long first = awaitServing(0);
        Thread.sleep(1_500);
        assertThat(standbys(ProcessHandle.current())).isEmpty();
        edit();
        awaitServing(first);
    }

    @Test
    void aChildExitingWithStatus3IsRestartedAtOnce() throws Exception {
        startSupervisor("restart-once");
        long pid = awaitServing(0);
        assertThat(Files.readString(dir.resolve("restarted"))).isNotEqualTo(Long.toString(pid));
        String out = output.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain(" * Detected", "exited with status");
        assertThat(out.lines().filter(" * Restarting with watch"::equals)).hasSize(2);
    }

    @Test
    void aChildFailingAtStartupLeavesTheSupervisorServingTheFailureUntilAFix() throws Exception {
        startSupervisor("fail");
        HttpResponse<String> page = awaitFailurePage();
        assertThat(page.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
        assertThat(page.body()).contains("The app exited with status 1 before it served.",
                "boom: the configuration is <broken> & unreadable", "starting in fail mode");
        assertThat(runner.isAlive()).isTrue();

        Files.writeString(dir.resolve("mode"), "serve");
        edit();
        awaitServing(0);
    }

    @Test
    void theJvmsWarningAboutAnAppendedBootClassPathIsNeitherForwardedNorOnTheFailurePage() throws Exception {
        String agent = "-javaagent:" + bootAppendAgent() + "=" + emptyJar("boot.jar");
        String warning = "warning: " + LineDropper.CDS_WARNING;
        Files.writeString(dir.resolve("mode"), "fail");
        var direct = new ArrayList<>(List.of(ChildCommand.javaExecutable(Path.of(System.getProperty("java.home"))).toString()));
        direct.addAll(FAST_START);
        direct.addAll(List.of(agent, "-cp", System.getProperty("java.class.path"), TestApp.class.getName(),
                dir.toString(), Integer.toString(port)));
        Process plain = new ProcessBuilder(direct).redirectErrorStream(true).start();
        String plainOutput = new String(plain.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        plain.waitFor();
        assertThat(plainOutput).as("the JVM warns when started directly").contains(warning, "starting in fail mode");

        startSupervisor("fail", List.of(agent));
        HttpResponse<String> page = awaitFailurePage();
        assertThat(page.body()).contains("boom: the configuration is <broken> & unreadable", "starting in fail mode")
                .doesNotContain(warning);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("starting in fail mode").doesNotContain(warning);
    }

    /** A jar whose manifest names {@link BootAppendAgent} as its premain class. */
    private Path bootAppendAgent() throws IOException {
        var manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", BootAppendAgent.class.getName());
        Path jar = dir.resolve("agent.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifest);
                var in = BootAppendAgent.class.getResourceAsStream("BootAppendAgent.class")) {
            out.putNextEntry(new java.util.jar.JarEntry(BootAppendAgent.class.getName().replace('.', '/') + ".class"));
            in.transferTo(out);
        }
        return jar;
    }

    private Path emptyJar(String name) throws IOException {
        var manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        Path jar = dir.resolve(name);
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }

    /** How long a child must have run for its death to restart it at once, in the tests that kill one. */
    private static final Duration SHORT_CRASH_WINDOW = Duration.ofSeconds(1);

    @Test
    void aChildKilledAfterItWasServingIsRestartedAtOnce() throws Exception {
        startSupervisor("serve", List.of(), b -> b.crashWindow(SHORT_CRASH_WINDOW));
        long first = awaitServing(0);
        Thread.sleep(SHORT_CRASH_WINDOW.toMillis()); // it has now run for longer than the window

        ProcessHandle.of(first).orElseThrow().destroyForcibly(); // kill -9

        awaitServing(first, Duration.ofSeconds(10));
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains(" * The app exited with status 137 (killed by signal 9); restarting it.\n")
                .doesNotContain("Detected change");
    }

    @Test
    void anAppStoppedByCtrlCIsNotRestartedForTheSupervisorGetsTheSameSignal() throws Exception {
        startSupervisor("serve", List.of(), b -> b.crashWindow(SHORT_CRASH_WINDOW));
        long first = awaitServing(0);
        Thread.sleep(SHORT_CRASH_WINDOW.toMillis());

        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(first)).start().waitFor()).isZero();

        assertThat(awaitFailurePage().body()).contains("The app exited with status 130 (killed by signal 2).");
        assertThat(output.toString(StandardCharsets.UTF_8)).doesNotContain("restarting it");
    }

    @Test
    void anAppThatCallsSystemExitWhileServingIsRestarted() throws Exception {
        startSupervisor("serve", List.of(), b -> b.crashWindow(SHORT_CRASH_WINDOW));
        long first = awaitServing(0);
        Thread.sleep(SHORT_CRASH_WINDOW.toMillis());

        try {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/exit"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException exitedWithoutAnswering) {
            // System.exit ends the JVM before the answer
        }

        awaitServing(first, Duration.ofSeconds(10));
        assertThat(dir.resolve("stopped-" + first)).as("its shutdown hooks ran").exists();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains(" * The app exited with status 0; restarting it.\n");
    }

    @Test
    void anAppThatDiesBeforeItServesWaitsForAChangeAndSaysSoInOneLine() throws Exception {
        startSupervisor("fail");
        awaitFailurePage();

        String out = output.toString(StandardCharsets.UTF_8);
        assertThat(out).contains(" * The app exited with status 1 before it served, so it is not restarted"
                + " until a watched file changes.\n");
        assertThat(out.lines().filter(" * Restarting with watch"::equals)).as("started once, not again").hasSize(1);
        assertThat(Files.readAllLines(dir.resolve("starts"))).hasSize(1);

        Files.writeString(dir.resolve("mode"), "serve");
        edit();
        awaitServing(0);
    }

    @Test
    void anAppThatDiesRightAfterItStartedServingWaitsForAChangeAndSaysSoInOneLine() throws Exception {
        startSupervisor("serve-then-exit");
        assertThat(awaitFailurePage().body()).contains("The app exited with status 1 within 5 s of serving.",
                "served, and now gone");

        String out = output.toString(StandardCharsets.UTF_8);
        assertThat(out).contains(" * The app exited with status 1 within 5 s of serving, so it is not restarted"
                + " until a watched file changes.\n");
        assertThat(Files.readAllLines(dir.resolve("starts"))).as("started once, not again").hasSize(1);

        Files.writeString(dir.resolve("mode"), "serve");
        edit();
        awaitServing(0);
    }

    @Test
    void theFailurePageShowsWhyOnlyToTrustedHostsAndNeverThePinTheSecretOrTheCommand() throws Exception {
        startSupervisor("fail");
        awaitFailurePage();

        String trusted = rawGet("Host: 127.0.0.1:" + port);
        assertThat(trusted).startsWith("HTTP/1.1 503 ").contains("The app exited with status 1",
                "boom: the configuration is <broken> & unreadable", "starting in fail mode", "the PIN once more");
        assertThat(trusted).doesNotContain(TestApp.PIN, TestApp.PIN.replace("-", ""), "Debugger PIN", SECRET,
                System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "Command");
        String html = rawGet("Host: 127.0.0.1:" + port + "\r\nAccept: text/html");
        assertThat(html).startsWith("HTTP/1.1 503 ").contains("Content-type: text/html",
                "Content-security-policy: default-src 'none'; script-src 'self';",
                "boom: the configuration is &lt;broken&gt; &amp; unreadable",
                "<script src=\"/__debugger__/runserverplus-supervisor/reload.js\" defer></script>");
        assertThat(html).doesNotContain("<broken>", TestApp.PIN, SECRET);
        assertThat(output.toString(StandardCharsets.UTF_8)).as("the terminal still shows the PIN")
                .contains(" * Debugger PIN: " + TestApp.PIN);

        for (String hostile : List.of("Host: evil.com", "Host: localhost.evil.com", "Host: 127.0.0.1.nip.io",
                "Host: 127.0.0.1:" + port + "\r\nHost: evil.com", "X-No-Host: 1")) {
            String untrusted = rawGet(hostile);
            assertThat(untrusted).as(hostile).startsWith("HTTP/1.1 503 ").endsWith("\r\n\r\n" + FailurePage.BARE);
            assertThat(rawGet(hostile + "\r\nAccept: text/html")).as(hostile).endsWith("\r\n\r\n" + FailurePage.BARE);
        }
    }

    /** A GET over a raw socket, with the header lines given as they are; returns the whole answer. */
    private String rawGet(String headers) throws IOException {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET / HTTP/1.1\r\n" + headers + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Runs {@link TestSupervisorMain} in its own JVM, so the test can signal or kill it. */
    private Process startSupervisorJvm() throws IOException {
        Files.writeString(dir.resolve("mode"), "serve");
        List<String> command = new ArrayList<>(List.of(
                ChildCommand.javaExecutable(Path.of(System.getProperty("java.home"))).toString()));
        command.addAll(FAST_START);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), TestSupervisorMain.class.getName(),
                dir.toString(), Integer.toString(port)));
        Process supervisorJvm = new ProcessBuilder(command).inheritIO().start();
        started.add(supervisorJvm.toHandle());
        return supervisorJvm;
    }

    @Test
    void theChildExitsWhenItsSupervisorIsKilled() throws Exception {
        Process supervisorJvm = startSupervisorJvm();
        long child = awaitServing(0);
        long standby = awaitStandby(supervisorJvm.toHandle(), child);

        supervisorJvm.destroyForcibly().waitFor();

        await(() -> gone(child) ? true : null);
        await(() -> gone(standby) ? true : null);
        assertThat(dir.resolve("stopped-" + child)).as("it exits through its shutdown hooks").exists();
    }

    @Test
    void theChildAndTheStandbyWatchTheSupervisorWithoutWakingPeriodically() throws Exception {
        startSupervisor("serve");
        long child = awaitServing(0);
        long standby = awaitStandby(ProcessHandle.current(), child);

        for (long pid : List.of(child, standby)) {
            String watch = await(() -> parentWatchThread(pid));
            assertThat(watch).as("the parent watch of " + pid + " blocks on its connection to the supervisor")
                    .doesNotContain("Thread.sleep").doesNotContain("TIMED_WAITING");
        }
    }

    /** The stack of the child's parent-watch thread, from {@code jcmd <pid> Thread.print}; null until it runs. */
    private static String parentWatchThread(long pid) {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
                    .redirectErrorStream(true).start();
            String dump = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            int at = dump.indexOf("\"runserverplus-parent-watch\"");
            if (at < 0) {
                return null;
            }
            int end = dump.indexOf("\n\n", at);
            return dump.substring(at, end < 0 ? dump.length() : end);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Test
    void sigtermOnTheSupervisorStopsTheChildBeforeItExits() throws Exception {
        Process supervisorJvm = startSupervisorJvm();
        long child = awaitServing(0);
        long standby = awaitStandby(supervisorJvm.toHandle(), child);

        supervisorJvm.destroy(); // SIGTERM, as Ctrl+C or a process manager
        assertThat(supervisorJvm.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(gone(standby)).as("standby stopped by the supervisor's shutdown hook").isTrue();

        assertThat(gone(child)).as("child stopped by the supervisor's shutdown hook").isTrue();
        assertThat(dir.resolve("stopped-" + child)).exists();
    }

    /** Copies the supervisor's output to the test log while keeping it for assertions. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
