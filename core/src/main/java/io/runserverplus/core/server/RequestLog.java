package io.runserverplus.core.server;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One line per request in Werkzeug's format,
 * {@code 127.0.0.1 - - [24/Nov/2026 10:00:00] "GET /path HTTP/1.1" 200 1234}, coloured by status on
 * a terminal. Request threads only enqueue; a daemon thread formats and writes, so a fast app is
 * not slowed down by the console.
 */
@Singleton
public class RequestLog implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy HH:mm:ss", Locale.ENGLISH);
    private static final int QUEUE_CAPACITY = 16_384;

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
    public record Entry(String remoteAddress, String method, String target, String protocol, int status, long bytes,
                        LocalDateTime time) {
    }

    private final Terminal terminal;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;

    @Inject
    public RequestLog(Terminal terminal) {
        this.terminal = terminal;
        this.writer = Thread.ofPlatform().daemon().name("runserverplus-request-log").unstarted(this::drain);
        writer.start();
    }

    /** Records a finished request; never blocks the caller. */
    public void log(String remoteAddress, String method, String target, String protocol, int status, long bytes) {
        if (!queue.offer(new Entry(remoteAddress, method, target, protocol, status, bytes, LocalDateTime.now()))) {
            dropped.incrementAndGet();
        }
    }

    /** The line as printed, without colour. */
    public static String format(Entry entry) {
        String size = entry.bytes() < 0 ? "-" : Long.toString(entry.bytes());
        return escape(entry.remoteAddress()) + " - - [" + TIME.format(entry.time()) + "] \""
                + escape(entry.method() + " " + entry.target() + " " + entry.protocol()) + "\" "
                + entry.status() + " " + size;
    }

    /** Werkzeug's colours: 1xx bold, 2xx plain, 304 cyan, 3xx green, 404 yellow, 4xx bold red, 5xx bold magenta. */
    static String ansiFor(int status) {
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

    /** Control characters from a hostile request line are shown as {@code \xNN}, never sent to the terminal. */
    static String escape(String text) {
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

    private void drain() {
        List<Entry> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Entry first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 1024);
                write(batch);
                batch.clear();
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void write(List<Entry> batch) {
        List<String> lines = new ArrayList<>(batch.size() + 1);
        for (Entry entry : batch) {
            lines.add(terminal.style(ansiFor(entry.status()), format(entry)));
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            lines.add("(" + lost + " request lines were not printed: requests came faster than the console could show them)");
        }
        terminal.printLines(lines);
    }

    /** Prints what is still queued, then stops the writer thread. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(2_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
