package io.runserverplus.reloader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of the app's child JVM. Its stdout and stderr are copied to ours byte for byte as they
 * arrive (so prompts and progress without a newline still show), less the JVM's own noise (see
 * {@link LineDropper}), and split into lines for the {@link OutputTail} the failure page shows.
 */
final class ChildProcess {

    private final Process process;
    private final Thread[] pumps;

    private ChildProcess(Process process, Thread[] pumps) {
        this.process = process;
        this.pumps = pumps;
    }

    static ChildProcess start(List<String> command, Map<String, String> env, OutputTail tail,
            OutputStream out, OutputStream err) throws IOException {
        var builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(env);
        Process process = builder.start();
        Thread[] pumps = {
            pump(process.getInputStream(), out, tail, "runserverplus-child-out"),
            pump(process.getErrorStream(), err, tail, "runserverplus-child-err"),
        };
        return new ChildProcess(process, pumps);
    }

    private static Thread pump(InputStream from, OutputStream to, OutputTail tail, String name) {
        return Thread.ofPlatform().daemon().name(name).start(() -> {
            var splitter = tail.new LineSplitter();
            var dropper = LineDropper.forChildJvm();
            var buffer = new byte[8192];
            var passed = new byte[dropper.maxOutput(buffer.length)];
            try (from) {
                int n;
                while ((n = from.read(buffer)) >= 0) {
                    forward(passed, dropper.filter(buffer, n, passed), to, splitter);
                }
            } catch (IOException e) {
                // the child is gone
            }
            try {
                forward(passed, dropper.finish(passed), to, splitter);
            } catch (IOException e) {
                // our own output is closed
            }
            splitter.finish();
        });
    }

    private static void forward(byte[] bytes, int n, OutputStream to, OutputTail.LineSplitter splitter)
            throws IOException {
        if (n == 0) {
            return;
        }
        synchronized (to) {
            to.write(bytes, 0, n);
            to.flush();
        }
        splitter.accept(bytes, n);
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    /**
     * Asks the child to stop (SIGTERM, so its shutdown hooks run), kills it after the timeout, and
     * waits until its output is drained. Returns the exit code.
     */
    int stop(Duration timeout) {
        return stop(timeout, null);
    }

    /**
     * As {@link #stop(Duration)}, but returns as soon as {@code hooksDone} is gone when it existed:
     * the child's JVM deletes it after its shutdown hooks (see {@code ReloaderProvider.HOOKS_DONE_PREFIX}),
     * so the app has stopped and its port is free, while the JVM itself may take 300 ms more to
     * exit (a Helidon app's, after one keep-alive connection). Returns -1 when it has not exited yet.
     */
    int stop(Duration timeout, Path hooksDone) {
        boolean watchHooks = hooksDone != null && Files.exists(hooksDone);
        process.destroy();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!process.waitFor(watchHooks ? HOOKS_CHECK_MILLIS : timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                if (watchHooks && !Files.exists(hooksDone)) {
                    return -1; // its output still drains into the terminal as it exits
                }
                if (System.nanoTime() - deadline >= 0) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                    break;
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        awaitOutput();
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** How often a stop looks for the hooks-done file: a stat, a few dozen times per reload. */
    private static final long HOOKS_CHECK_MILLIS = 2;

    /** Waits (briefly) for the pumps, so the tail has the last lines before it is shown. */
    void awaitOutput() {
        for (Thread pump : pumps) {
            try {
                pump.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
