package io.runserverplus.core.requestlog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lines waiting to be printed: a ring that request threads put lines in, each with one
 * compare-and-set and no lock, and that the writer thread alone takes them out of, in order. Neither
 * side ever waits on the other: a request thread that finds the ring full drops its line and counts it.
 */
final class PendingRequestLines {

    /** Lines waiting to be printed at most; more are dropped (and counted). A power of two. */
    static final int SLOTS = 16_384;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

    /**
     * Line {@code n} goes to slot {@code n % SLOTS}: a {@code byte[]} or a {@link RequestLineFormat.Text}
     * (see {@link RequestLineFormat}); null while free or being filled.
     */
    private final Object[] ring = new Object[SLOTS];
    /** Lines claimed by request threads so far. */
    private final AtomicLong claimed = new AtomicLong();
    /** Lines the writer has taken out of the ring so far (only the writer thread writes it). */
    private volatile long taken;
    private final AtomicLong dropped = new AtomicLong();

    /**
     * Puts a line in the next slot, or drops it (and counts it) when {@value #SLOTS} lines are
     * already waiting. Returns whether this line found the ring half full: the caller then wakes the
     * writer sooner than its period.
     */
    boolean add(Object line) {
        long number;
        long waiting;
        do {
            number = claimed.get();
            waiting = number - taken;
            if (waiting >= SLOTS) {
                dropped.incrementAndGet();
                return false;
            }
        } while (!claimed.compareAndSet(number, number + 1));
        SLOT.setRelease(ring, (int) (number & (SLOTS - 1)), line);
        return waiting == SLOTS / 2;
    }

    /** Lines put in the ring so far: the clock sleeps once a second passes without one. */
    long claimedCount() {
        return claimed.get();
    }

    /** Whether a line was put in the ring and not yet taken (or is being filled). */
    boolean hasWaiting() {
        return claimed.get() != taken;
    }

    /** How many lines were dropped since the last call. */
    long takeDroppedCount() {
        return dropped.getAndSet(0);
    }

    /**
     * Moves up to {@code chunk.length} finished lines, in order, out of the ring into {@code chunk},
     * and touches each before returning: their loads from memory overlap instead of waiting one by
     * one. Stops at a slot still being filled; when closing, waits for it instead until
     * {@code deadline} (a {@link System#nanoTime()}): a request thread fills its slot without
     * blocking, so not for long. Only the writer thread calls this.
     */
    int takeFinishedLines(Object[] chunk, boolean closing, long deadline) {
        long first = taken;
        long end = Math.min(claimed.get(), first + chunk.length);
        long number = first;
        int touched = 0;
        while (number < end) {
            int slot = (int) (number & (SLOTS - 1));
            Object line = SLOT.getAcquire(ring, slot);
            if (line == null) {
                if (!closing || System.nanoTime() - deadline > 0) {
                    break;
                }
                Thread.onSpinWait();
                continue;
            }
            ring[slot] = null;
            chunk[(int) (number - first)] = line;
            if (line instanceof byte[] bytes) {
                touched += bytes[bytes.length - 1];
            }
            number++;
        }
        // Volatile: the slots' reset happens-before a request thread that reads it reuses them.
        taken = number;
        // Only so that the loads above are not optimised away.
        if (touched == Integer.MIN_VALUE) {
            Thread.onSpinWait();
        }
        return (int) (number - first);
    }
}
