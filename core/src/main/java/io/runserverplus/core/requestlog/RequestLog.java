package io.runserverplus.core.requestlog;

import io.runserverplus.core.terminal.Terminal;
import io.runserverplus.spi.RequestLogSink;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

/**
 * One line per request in Werkzeug's format,
 * {@code 127.0.0.1 - - [24/Nov/2026 10:00:00] "GET /path HTTP/1.1" 200 1234}, coloured by status on
 * a terminal, printed in the order the requests finished, none lost unless more than
 * {@value PendingRequestLines#SLOTS} wait to be printed (those are counted, and the count is printed).
 *
 * <p>What a request thread does: formats its line, where the request's strings are still in its
 * CPU's cache, into one small array (the ASCII bytes; a string only when the line needs escaping
 * or is not ASCII: {@link RequestLineFormat}), takes the next number with one compare-and-set and
 * puts the array in that slot of a ring ({@link PendingRequestLines}). It reads no clock: a second
 * thread turns the timestamp's text over at the start of each second ({@link RequestLogClock}). A
 * daemon thread ({@link RequestLogWriter}) wakes every {@value RequestLogWriter#PERIOD_MILLIS} ms
 * (sooner if the ring gets half full: a request thread then wakes it), takes the finished slots in
 * order and writes them with one write; it never waits on request threads and they never wait on it.
 * When no request comes, both threads sleep until one does (an idle app has no thread of ours waking).
 *
 * <p>Why so: at Helidon's 160 000 requests a second what the log costs is memory traffic between
 * the CPUs, and the clock. When request threads queued a record of the request's strings (under a
 * lock) and the writer formatted them, the writer spent 0.4-0.5 µs a line waiting for those
 * scattered, long-evicted objects to come from memory; now it has one compact array a line, and
 * touches a chunk of them before copying any, so their loads overlap. Reading the clock for each
 * request cost the request threads about 2 % of Helidon's throughput on the benchmark machine.
 */
@Singleton
public class RequestLog implements RequestLogSink, AutoCloseable {

    /**
     * One finished request, as an adapter reports it.
     *
     * @param remoteAddress the client's address
     * @param method        the HTTP method
     * @param target        the path with its query, as received
     * @param protocol      e.g. {@code HTTP/1.1}
     * @param status        the response status
     * @param bytes         the response body's size, or a negative number when unknown
     */
    record Entry(String remoteAddress, String method, String target, String protocol, int status, long bytes,
                        LocalDateTime time) {
    }

    private final PendingRequestLines pending = new PendingRequestLines();
    private final RequestLogWriter writer;
    private final RequestLogClock clock = new RequestLogClock(pending::claimedCount);

    @Inject
    public RequestLog(Terminal terminal) {
        this.writer = new RequestLogWriter(pending, terminal);
        writer.start();
        clock.start();
    }

    @Override
    public void log(String remoteAddress, String method, String target, String protocol, int status, long bytes) {
        byte[] time = clock.text();
        Object line = RequestLineFormat.asciiLine(remoteAddress, method, target, protocol, status, bytes, time);
        if (line == null) {
            line = new RequestLineFormat.Text(status, RequestLineFormat.format(remoteAddress, method, target,
                    protocol, status, bytes, new String(time, StandardCharsets.US_ASCII)));
        }
        if (pending.add(line) || writer.asleep()) {
            writer.wake();
        }
    }

    /** The line as printed, without colour. */
    static String format(Entry entry) {
        return RequestLineFormat.format(entry.remoteAddress(), entry.method(), entry.target(), entry.protocol(),
                entry.status(), entry.bytes(), RequestLineFormat.TIME.format(entry.time()));
    }

    /** Prints what is still queued, then stops the writer thread. */
    @Override
    public void close() {
        clock.close();
        writer.close();
    }
}
