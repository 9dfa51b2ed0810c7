package io.runserverplus.console.shell;

import io.runserverplus.spi.EvalResult;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a session's tasks on its engine's thread within the time limit, stopping the snippet if it
 * passes: the caller waits at most the time limit plus {@link #STOP_GRACE}. A snippet that cannot be
 * stopped in that time makes the runner call {@code onStuck} (the session closes itself).
 */
final class TimeLimitedRunner {

    private static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final Engine engine;
    private final Duration timeLimit;
    private final Runnable onStuck;
    /** Set while a task is being stopped, so that the evaluation reports it was stopped. */
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    /** Set by {@link #stopNow()}, so that the answer says who stopped it. */
    private final AtomicBoolean stoppedOnRequest = new AtomicBoolean();
    /** The task being run, for {@link #stopNow()}; {@code null} between tasks. */
    private volatile Future<EvalResult> running;

    TimeLimitedRunner(Engine engine, Duration timeLimit, Runnable onStuck) {
        this.engine = engine;
        this.timeLimit = timeLimit;
        this.onStuck = onStuck;
    }

    /** Whether the running task is being stopped; read by the evaluation between units. */
    AtomicBoolean stopRequested() {
        return stopRequested;
    }

    EvalResult run(Callable<EvalResult> task) {
        long start = System.nanoTime();
        Future<EvalResult> future;
        try {
            future = engine.thread.submit(task);
        } catch (RejectedExecutionException e) {
            return ConsoleSession.closedResult(""); // the engine's thread is shut down: the session was closed
        }
        running = future;
        try {
            EvalResult r = future.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            // A task that ended before the stop reached it keeps its own answer.
            boolean stopped = stoppedOnRequest.getAndSet(false) && r.status() == EvalResult.Status.TIMEOUT;
            return stopped ? new EvalResult(r.input(), r.output(), null, STOPPED_ON_REQUEST, EvalResult.Status.TIMEOUT,
                    r.elapsed()) : r;
        } catch (TimeoutException e) {
            return stop(future, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested.set(true);
            engine.shell.stop();
            return new EvalResult("", "", null, "Interrupted.", EvalResult.Status.ERROR, elapsed(start));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new EvalResult("", "", null, "Console failure: " + cause, EvalResult.Status.ERROR, elapsed(start));
        } finally {
            running = null;
        }
    }

    /** What the answer to an evaluation stopped by {@link #stopNow()} says. */
    static final String STOPPED_ON_REQUEST = "Stopped on request.";

    /**
     * Stops the running task the way the time limit does (the page's Stop button), waiting at most
     * {@link #STOP_GRACE} for it to end; a task that does not end by then makes the runner call
     * {@code onStuck}. {@code false} when no task runs.
     */
    boolean stopNow() {
        Future<EvalResult> task = running;
        if (task == null || task.isDone()) {
            return false;
        }
        stoppedOnRequest.set(true);
        stopRequested.set(true);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        try {
            while (!task.isDone()) {
                engine.shell.stop(); // does nothing while the engine still compiles: repeated, as the time limit does
                try {
                    task.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        onStuck.run();
                        return true;
                    }
                } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                    return true;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } finally {
            stopRequested.set(false);
        }
    }

    private EvalResult stop(Future<EvalResult> future, long start) {
        stopRequested.set(true);
        try {
            // JShell's stop makes snippet code throw at its next loop check and interrupts the snippet's
            // threads. It does nothing while the engine is still compiling, so repeat it for a while.
            long deadline = System.nanoTime() + STOP_GRACE.toNanos();
            EvalResult r = null;
            while (r == null) {
                engine.shell.stop();
                try {
                    r = future.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                }
            }
            return new EvalResult(r.input(), r.output(), null, "Stopped: the evaluation ran longer than "
                    + seconds(timeLimit) + ".", EvalResult.Status.TIMEOUT, elapsed(start));
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            // Stuck in code JShell cannot stop (application or JDK code ignoring interrupts).
            onStuck.run();
            return new EvalResult("", "", null, "Stopped: the evaluation ran longer than " + seconds(timeLimit)
                    + " and could not be stopped; this console was closed (its thread may keep running).",
                    EvalResult.Status.TIMEOUT, elapsed(start));
        } finally {
            stopRequested.set(false);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** The time since {@code start}, a {@link System#nanoTime()}. */
    static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
