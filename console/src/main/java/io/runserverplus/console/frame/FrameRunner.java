package io.runserverplus.console.frame;

import io.runserverplus.console.agent.ExitGuard;

import io.runserverplus.spi.EvalResult;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a frame console's tasks on its own thread, one at a time, the input's code within the time
 * limit: past it
 * (or on {@link #stop()}) the running unit is told to stop (it throws at its next loop iteration or
 * call) and its thread is interrupted; a task that still does not end within {@link #STOP_GRACE}
 * closes the console (its thread may keep running).
 */
final class FrameRunner {

    /** What a stop tells the running unit, and clears before the next task. */
    interface Stoppable {
        void stopRunning();

        void clearStop();

        /** When the running input's code started ({@link System#nanoTime()}), or 0 while compiling or idle. */
        long runningSince();
    }

    private static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final Duration timeLimit;
    private final Stoppable units;
    private final Runnable onStuck;
    private final ExecutorService executor;
    private volatile Thread thread;
    private volatile boolean running;
    private final AtomicBoolean closed = new AtomicBoolean();

    FrameRunner(String threadName, Duration timeLimit, Stoppable units, Runnable onStuck) {
        this.timeLimit = timeLimit;
        this.units = units;
        this.onStuck = onStuck;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            // Marked before it runs anything: it and every thread an input starts inherit the mark,
            // and the exit guard refuses Runtime.exit and halt to them.
            Thread t = new Thread(() -> {
                ExitGuard.markConsoleThread();
                r.run();
            }, threadName);
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Runs an evaluation within the time limit. */
    EvalResult run(String input, Callable<EvalResult> task) {
        long start = System.nanoTime();
        Future<EvalResult> future;
        try {
            future = executor.submit(() -> {
                units.clearStop();
                running = true;
                try {
                    return task.call();
                } finally {
                    running = false;
                    Thread.interrupted(); // a stop's interrupt must not leak into the next task
                }
            });
        } catch (RejectedExecutionException e) {
            return FrameConsole.closed(input);
        }
        try {
            // The limit is for the input's code: compiling (slow only while javac is cold) does not count.
            while (true) {
                try {
                    return future.get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    long since = units.runningSince();
                    if (since != 0 && System.nanoTime() - since > timeLimit.toNanos()) {
                        throw e;
                    }
                }
            }
        } catch (TimeoutException e) {
            stop();
            try {
                EvalResult r = future.get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                return new EvalResult(r.input(), r.output(), null, "Stopped: the evaluation ran longer than "
                        + seconds(timeLimit) + ".", EvalResult.Status.TIMEOUT, elapsed(start), r.note());
            } catch (TimeoutException | ExecutionException | InterruptedException stuck) {
                onStuck.run();
                return new EvalResult(input, "", null, "Stopped: the evaluation ran longer than " + seconds(timeLimit)
                        + " and could not be stopped; this console was closed (its thread may keep running).",
                        EvalResult.Status.TIMEOUT, elapsed(start));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return new EvalResult(input, "", null, "Interrupted.", EvalResult.Status.ERROR, elapsed(start));
        } catch (ExecutionException e) {
            return new EvalResult(input, "", null, "Console failure: " + e.getCause(), EvalResult.Status.ERROR,
                    elapsed(start));
        }
    }

    /** Runs a task that runs no user code (binding, completion), waiting at most the time limit. */
    <T> T call(Callable<T> task, T fallback) {
        try {
            return executor.submit(task).get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
            return fallback;
        }
    }

    void runQuietly(Runnable task) {
        call(() -> {
            task.run();
            return null;
        }, null);
    }

    /** Stops the running evaluation; {@code false} when none runs. */
    boolean stop() {
        if (!running) {
            return false;
        }
        units.stopRunning();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        return true;
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            executor.shutdownNow();
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
