package io.runserverplus.core.requestlog;

import io.runserverplus.core.terminal.Terminal;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The daemon thread that prints the request log: it wakes every {@value #PERIOD_MILLIS} ms (sooner
 * when a request thread finds the ring half full and wakes it), takes the finished lines in order
 * and writes them with one write. It never waits on request threads and they never wait on it.
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

    RequestLogWriter(PendingRequestLines pending, Terminal terminal) {
        this.pending = pending;
        this.terminal = terminal;
    }

    void start() {
        thread.start();
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
        while (true) {
            boolean closing = closed;
            if (!closing) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS));
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSING_WAIT_MILLIS);
            int count;
            do {
                count = pending.takeFinishedLines(chunk, closing, deadline);
                for (int i = 0; i < count; i++) {
                    output.add(chunk[i]);
                    chunk[i] = null;
                }
            } while (count == CHUNK);
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
}
