package io.runserverplus.benchmarks.fixes;

import io.runserverplus.core.server.RequestLog;
import io.runserverplus.core.server.Terminal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Proposed fix for the request log, in two steps, bound in place of core's {@link RequestLog} with
 * {@code RunServerPlus.builder().modules(...)} (core's own writer thread then stays idle).
 *
 * <p>Step 1 (always): core's writer thread waits in {@code queue.poll(100 ms)}, so each request's
 * {@code queue.offer} finds a waiting consumer and wakes it ({@code notEmpty.signal()}, then an
 * unpark: a futex call on the request thread, a context switch, and a batch of about one line on
 * the writer). Here the writer never waits on the queue: it sleeps {@value #PERIOD_MILLIS} ms and
 * then takes everything queued in one batch, so an offer never wakes anyone. Lines appear at most
 * that much later.
 *
 * <p>Step 2 ({@code lean}): the request thread records {@code System.currentTimeMillis()} instead
 * of {@code LocalDateTime.now()} (which looks up the default zone and allocates three objects),
 * and the writer formats the timestamp once per second instead of once per line.
 *
 * <p>The lines, colours and the dropped-lines note are exactly core's (checked against
 * {@link RequestLog#format} when the class loads).
 */
public final class PeriodicRequestLog extends RequestLog {

    static final long PERIOD_MILLIS = 50;
    private static final int QUEUE_CAPACITY = 16_384;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy HH:mm:ss", Locale.ENGLISH);

    /** A finished request as queued: the time either as core's LocalDateTime or as epoch millis. */
    private record Queued(String remoteAddress, String method, String target, String protocol, int status,
                          long bytes, LocalDateTime time, long millis) {
    }

    private final Terminal terminal;
    private final boolean lean;
    private final BlockingQueue<Queued> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private final ZoneId zone = ZoneId.systemDefault();
    private long formattedSecond = Long.MIN_VALUE;
    private String formattedTime = "";
    private volatile boolean closed;

    static {
        Entry sample = new Entry("127.0.0.1", "GET", "/a?b=\u0007", "HTTP/1.1", 200, 5, LocalDateTime.now());
        if (!RequestLog.format(sample).equals(formatWith(sample, TIME.format(sample.time())))) {
            throw new IllegalStateException("PeriodicRequestLog no longer formats lines like core's RequestLog");
        }
    }

    public PeriodicRequestLog(Terminal terminal, boolean lean) {
        super(terminal);
        this.terminal = terminal;
        this.lean = lean;
        this.writer = Thread.ofPlatform().daemon().name("runserverplus-request-log-periodic").unstarted(this::drain);
        writer.start();
    }

    @Override
    public void log(String remoteAddress, String method, String target, String protocol, int status, long bytes) {
        Queued entry = lean
                ? new Queued(remoteAddress, method, target, protocol, status, bytes, null, System.currentTimeMillis())
                : new Queued(remoteAddress, method, target, protocol, status, bytes, LocalDateTime.now(), 0);
        if (!queue.offer(entry)) {
            dropped.incrementAndGet();
        }
    }

    private void drain() {
        List<Queued> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            if (!closed) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS));
            }
            queue.drainTo(batch);
            if (!batch.isEmpty()) {
                write(batch);
                batch.clear();
            }
        }
    }

    private void write(List<Queued> batch) {
        StringBuilder lines = new StringBuilder(batch.size() * 96);
        for (Queued queued : batch) {
            Entry entry = new Entry(queued.remoteAddress(), queued.method(), queued.target(), queued.protocol(),
                    queued.status(), queued.bytes(), queued.time());
            String line = lean ? formatWith(entry, timeOf(queued.millis())) : format(entry);
            lines.append(terminal.style(ansiFor(entry.status()), line)).append(System.lineSeparator());
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            lines.append("(").append(lost).append(" request lines were not printed: requests came faster than the")
                    .append(" console could show them)").append(System.lineSeparator());
        }
        terminal.out().print(lines);
        terminal.out().flush();
    }

    /** The timestamp text, formatted once per second (only the writer thread calls this). */
    private String timeOf(long millis) {
        long second = Math.floorDiv(millis, 1000);
        if (second != formattedSecond) {
            formattedSecond = second;
            formattedTime = TIME.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), zone));
        }
        return formattedTime;
    }

    /** Core's line ({@code RequestLog.format}) with the timestamp given as text. */
    private static String formatWith(Entry entry, String time) {
        String size = entry.bytes() < 0 ? "-" : Long.toString(entry.bytes());
        return escape(entry.remoteAddress()) + " - - [" + time + "] \""
                + escape(entry.method() + " " + entry.target() + " " + entry.protocol()) + "\" "
                + entry.status() + " " + size;
    }

    /** Core's {@code RequestLog.escape} (package-private there). */
    private static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append(String.format("\\x%02x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Core's colours ({@code RequestLog.ansiFor} is package-private). */
    private static String ansiFor(int status) {
        if (status >= 500) {
            return "1;35";
        }
        if (status == 404) {
            return "33";
        }
        if (status >= 400) {
            return "1;31";
        }
        if (status == 304) {
            return "36";
        }
        if (status >= 300) {
            return "32";
        }
        return status < 200 ? "1" : "";
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join(2_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        super.close();
    }
}
