package io.runserverplus.core.requestlog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The current second's timestamp text, kept by a thread of its own so that request threads read
 * no clock. Reading the clock cost request threads more than anything else in
 * {@link RequestLog#log} (a system call's worth, tens of nanoseconds, per request); this costs one
 * wake-up a second, and a line stamped in the moment between a second's start and this thread's
 * wake-up (well under a millisecond, unless the machine is overloaded) shows the second before.
 * Helidon's own {@code Date} header is kept the same way, refreshed once a second. A second without
 * a logged line puts the thread to sleep until the next request, which then reads the clock once
 * itself and wakes it: an idle app has no timer ticking.
 */
final class RequestLogClock {

    /** The timestamp's text for one second, as ASCII bytes. */
    private record Stamp(long second, byte[] text) {
    }

    private final ZoneId zone = ZoneId.systemDefault();
    private volatile Stamp stamp = stampOf(System.currentTimeMillis());
    private final Thread thread = Thread.ofPlatform().daemon().name("runserverplus-request-log-clock")
            .unstarted(this::tick);
    private volatile boolean closed;
    private volatile boolean asleep;
    private final LongSupplier lines;

    /** {@code lines}: how many lines were logged so far, to notice a second without any. */
    RequestLogClock(LongSupplier lines) {
        this.lines = lines;
    }

    void start() {
        thread.start();
    }

    /** The current second as {@code dd/MMM/yyyy HH:mm:ss}, in ASCII. */
    byte[] text() {
        if (asleep) {
            asleep = false;
            stamp = stampOf(System.currentTimeMillis());
            LockSupport.unpark(thread);
        }
        return stamp.text();
    }

    void close() {
        closed = true;
        LockSupport.unpark(thread);
    }

    /** Turns the stamp over at the start of each second. */
    private void tick() {
        long seen = lines.getAsLong();
        while (!closed) {
            long now = System.currentTimeMillis();
            if (Math.floorDiv(now, 1000) != stamp.second()) {
                stamp = stampOf(now);
                long logged = lines.getAsLong();
                if (logged == seen) {
                    sleepUntilARequest();
                    seen = lines.getAsLong();
                    continue;
                }
                seen = logged;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1000 - Math.floorMod(now, 1000)));
        }
    }

    /**
     * Sleeps until {@link #text()} finds the flag set; a request that read the flag just before it
     * was set got the stamp kept until then, current for this second.
     */
    private void sleepUntilARequest() {
        asleep = true;
        while (asleep && !closed) {
            LockSupport.park(this);
        }
    }

    private Stamp stampOf(long millis) {
        return new Stamp(Math.floorDiv(millis, 1000), RequestLineFormat.TIME.format(
                LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), zone)).getBytes(StandardCharsets.US_ASCII));
    }
}
