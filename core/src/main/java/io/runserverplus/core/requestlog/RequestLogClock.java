package io.runserverplus.core.requestlog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The current second's timestamp text, kept by a thread of its own so that request threads read
 * no clock. Reading the clock cost request threads more than anything else in
 * {@link RequestLog#log} (a system call's worth, tens of nanoseconds, per request); this costs one
 * wake-up a second, and a line stamped in the moment between a second's start and this thread's
 * wake-up (well under a millisecond, unless the machine is overloaded) shows the second before.
 * Helidon's own {@code Date} header is kept the same way, refreshed once a second.
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

    void start() {
        thread.start();
    }

    /** The current second as {@code dd/MMM/yyyy HH:mm:ss}, in ASCII. */
    byte[] text() {
        return stamp.text();
    }

    void close() {
        closed = true;
        LockSupport.unpark(thread);
    }

    /** Turns the stamp over at the start of each second. */
    private void tick() {
        while (!closed) {
            long now = System.currentTimeMillis();
            if (Math.floorDiv(now, 1000) != stamp.second()) {
                stamp = stampOf(now);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1000 - Math.floorMod(now, 1000)));
        }
    }

    private Stamp stampOf(long millis) {
        return new Stamp(Math.floorDiv(millis, 1000), RequestLineFormat.TIME.format(
                LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), zone)).getBytes(StandardCharsets.US_ASCII));
    }
}
