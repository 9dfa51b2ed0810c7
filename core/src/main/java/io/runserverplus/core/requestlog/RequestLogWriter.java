package io.runserverplus.core.requestlog;

import io.runserverplus.core.terminal.Terminal;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The daemon thread that prints the request log: it wakes every {@value #PERIOD_MILLIS} ms (sooner
 * when a request thread finds the ring half full and wakes it), takes the finished lines in order
 * and writes them with one write. It never waits on request threads and they never wait on it.
 * After a period without lines it sleeps until a request thread, seeing {@link #asleep()}, wakes it:
 * an idle app has no timer ticking (under load the flag is only read, never written).
 */
final class RequestLogWriter {

    static final long PERIOD_MILLIS = 50;
    /** Lines the writer touches before copying them (their loads from memory overlap). */
    private static final int CHUNK = 128;
    private static final long CLOSING_WAIT_MILLIS = 200;

    private final PendingRequestLines pending;
    private final Terminal terminal;
    private final Thread thread = Thread.ofPlatform().daemon().name("runserverplus-request-log")
            .unstarted(this::drain);
    private volatile boolean closed;
    private volatile boolean asleep;

    RequestLogWriter(PendingRequestLines pending, Terminal terminal) {
        this.pending = pending;
        this.terminal = terminal;
    }

    void start() {
        thread.start();
    }

    /** Whether the writer sleeps until woken: a request thread that added a line then wakes it. */
    boolean asleep() {
        return asleep;
    }

    /** Prints what is waiting now rather than at the end of the period. */
    void wake() {
        LockSupport.unpark(thread);
    }

    /** Prints what is still waiting (a line being filled, up to {@value #CLOSING_WAIT_MILLIS} ms), then stops. */
    void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(2_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        LineBatch output = terminal.takesAsciiBytes() ? new LineBatch.Bytes(terminal) : new LineBatch.Lines(terminal);
        Object[] chunk = new Object[CHUNK];
        boolean idle = false;
        while (true) {
            boolean closing = closed;
            if (!closing) {
                if (idle) {
                    sleepUntilALine();
                }
                // Then a period as usual, so that lines are still printed in batches.
                if (!closed) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS));
                }
                closing = closed;
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSING_WAIT_MILLIS);
            int count;
            int total = 0;
            do {
                count = pending.takeFinishedLines(chunk, closing, deadline);
                for (int i = 0; i < count; i++) {
                    output.add(chunk[i]);
                    chunk[i] = null;
                }
                total += count;
            } while (count == CHUNK);
            // A whole period without a line: sleep until the next one instead of ticking.
            idle = total == 0;
            long lost = pending.takeDroppedCount();
            if (lost > 0) {
                output.add(new RequestLineFormat.Text(RequestLineFormat.NOTE, "(" + lost
                        + " request lines were not printed: requests came faster than the console could show them)"));
            }
            output.print();
            if (closing) {
                return;
            }
        }
    }

    /**
     * Parks until a request thread adds a line (or {@link #close()}). The flag is set before the
     * ring is checked, and a request thread adds its line before reading the flag (both volatile):
     * either this thread sees the line, or that thread sees the flag and unparks it.
     */
    private void sleepUntilALine() {
        asleep = true;
        while (!closed && !pending.hasWaiting()) {
            LockSupport.park(this);
        }
        asleep = false;
    }
}
