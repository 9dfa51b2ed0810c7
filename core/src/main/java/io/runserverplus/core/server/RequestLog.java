package io.runserverplus.core.server;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One line per request in Werkzeug's format,
 * {@code 127.0.0.1 - - [24/Nov/2026 10:00:00] "GET /path HTTP/1.1" 200 1234}, coloured by status on
 * a terminal, printed in the order the requests finished, none lost unless more than
 * {@value #SLOTS} wait to be printed (those are counted, and the count is printed).
 *
 * <p>What a request thread does: formats its line, where the request's strings are still in its
 * CPU's cache, into one small array (the ASCII bytes; a string only when the line needs escaping
 * or is not ASCII), takes the next number with one compare-and-set and puts the array in that
 * slot of a ring. It reads no clock: a second thread turns the timestamp's text over at the start
 * of each second. A daemon thread wakes every {@value #PERIOD_MILLIS} ms (sooner if the ring gets
 * half full: a request thread then wakes it), takes the finished slots in order and writes them
 * with one write; it never waits on request threads and they never wait on it.
 *
 * <p>Why so: at Helidon's 160 000 requests a second what the log costs is memory traffic between
 * the CPUs, and the clock. When request threads queued a record of the request's strings (under a
 * lock) and the writer formatted them, the writer spent 0.4-0.5 µs a line waiting for those
 * scattered, long-evicted objects to come from memory; now it has one compact array a line, and
 * touches a chunk of them before copying any, so their loads overlap. Reading the clock for each
 * request cost the request threads about 2 % of Helidon's throughput on the benchmark machine.
 */
@Singleton
public class RequestLog implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy HH:mm:ss", Locale.ENGLISH);
    static final long PERIOD_MILLIS = 50;
    /** Lines waiting to be printed at most; more are dropped (and counted). A power of two. */
    static final int SLOTS = 16_384;
    /** Lines the writer touches before copying them (their loads from memory overlap). */
    private static final int CHUNK = 128;
    private static final long CLOSING_WAIT_MILLIS = 200;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final byte[] SEPARATOR = System.lineSeparator().getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DASHES = " - - [".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OPEN_QUOTE = "] \"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE_QUOTE = "\" ".getBytes(StandardCharsets.US_ASCII);

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

    /** The timestamp's text for one second, as ASCII bytes. */
    private record Stamp(long second, byte[] text) {
    }

    /** A line that is not plain ASCII (escaped, or with non-ASCII characters), or a note ({@link #NOTE}). */
    private record Text(int status, String line) {
    }

    /** The status of a note from the request log itself: printed without colour. */
    private static final int NOTE = Integer.MIN_VALUE;

    private final Terminal terminal;
    /**
     * Line {@code n} goes to slot {@code n % SLOTS}: a {@code byte[]} (the status in its first two
     * bytes, then the line in ASCII) or a {@link Text}; null while free or being filled.
     */
    private final Object[] ring = new Object[SLOTS];
    /** Lines claimed by request threads so far. */
    private final AtomicLong claimed = new AtomicLong();
    /** Lines the writer has taken out of the ring so far (only the writer thread writes it). */
    private volatile long taken;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private final ZoneId zone = ZoneId.systemDefault();
    /** The current second's text, kept by {@link #clock}: request threads read no clock. */
    private volatile Stamp stamp = stampOf(System.currentTimeMillis());
    private final Thread clock;
    private volatile boolean closed;

    @Inject
    public RequestLog(Terminal terminal) {
        this.terminal = terminal;
        this.writer = Thread.ofPlatform().daemon().name("runserverplus-request-log").unstarted(this::drain);
        this.clock = Thread.ofPlatform().daemon().name("runserverplus-request-log-clock").unstarted(this::tick);
        writer.start();
        clock.start();
    }

    /** Records a finished request; never blocks the caller. */
    public void log(String remoteAddress, String method, String target, String protocol, int status, long bytes) {
        byte[] time = stamp.text();
        Object line = asciiLine(remoteAddress, method, target, protocol, status, bytes, time);
        if (line == null) {
            line = new Text(status, format(remoteAddress, method, target, protocol, status, bytes,
                    new String(time, StandardCharsets.US_ASCII)));
        }
        long number;
        long waiting;
        do {
            number = claimed.get();
            waiting = number - taken;
            if (waiting >= SLOTS) {
                dropped.incrementAndGet();
                return;
            }
        } while (!claimed.compareAndSet(number, number + 1));
        SLOT.setRelease(ring, (int) (number & (SLOTS - 1)), line);
        if (waiting == SLOTS / 2) {
            LockSupport.unpark(writer);
        }
    }

    /**
     * The line as ASCII bytes after two bytes of status, or null when it is not printable ASCII
     * (control characters to escape, or other characters to encode).
     */
    private static byte[] asciiLine(String remote, String method, String target, String protocol, int status,
                                    long bytes, byte[] time) {
        if (status < 0 || status > 999 || bytes > 999_999_999_999_999_999L) {
            return null;
        }
        int length = 2 + remote.length() + DASHES.length + time.length + OPEN_QUOTE.length + method.length() + 1
                + target.length() + 1 + protocol.length() + CLOSE_QUOTE.length + digits(status) + 1
                + (bytes < 0 ? 1 : digits(bytes));
        byte[] line = new byte[length];
        line[0] = (byte) (status >> 8);
        line[1] = (byte) status;
        int p = ascii(line, 2, remote);
        p = copy(line, p, DASHES);
        p = copy(line, p, time);
        p = copy(line, p, OPEN_QUOTE);
        p = ascii(line, p, method);
        p = put(line, p, ' ');
        p = ascii(line, p, target);
        p = put(line, p, ' ');
        p = ascii(line, p, protocol);
        p = copy(line, p, CLOSE_QUOTE);
        p = number(line, p, status);
        p = put(line, p, ' ');
        p = bytes < 0 ? put(line, p, '-') : number(line, p, bytes);
        return p == length ? line : null;
    }

    /** Copies printable ASCII; -1 at the first other character (and from then on). */
    private static int ascii(byte[] out, int at, String text) {
        if (at < 0) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                return -1;
            }
            out[at + i] = (byte) c;
        }
        return at + text.length();
    }

    private static int copy(byte[] out, int at, byte[] bytes) {
        if (at < 0) {
            return -1;
        }
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }

    private static int put(byte[] out, int at, char c) {
        if (at < 0) {
            return -1;
        }
        out[at] = (byte) c;
        return at + 1;
    }

    /** A non-negative number's digits. */
    private static int number(byte[] out, int at, long value) {
        if (at < 0) {
            return -1;
        }
        int end = at + digits(value);
        long rest = value;
        for (int i = end - 1; i >= at; i--) {
            out[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return end;
    }

    /** How many digits a number below 10^18 has. */
    private static int digits(long value) {
        int digits = 1;
        for (long power = 10; digits < 18 && value >= power; power *= 10) {
            digits++;
        }
        return digits;
    }

    /** The line as printed, without colour. */
    public static String format(Entry entry) {
        return format(entry.remoteAddress(), entry.method(), entry.target(), entry.protocol(), entry.status(),
                entry.bytes(), TIME.format(entry.time()));
    }

    private static String format(String remote, String method, String target, String protocol, int status, long bytes,
                                 String time) {
        StringBuilder line = new StringBuilder(96);
        appendEscaped(line, remote);
        line.append(" - - [").append(time).append("] \"");
        appendEscaped(line, method);
        line.append(' ');
        appendEscaped(line, target);
        line.append(' ');
        appendEscaped(line, protocol);
        line.append("\" ").append(status).append(' ');
        if (bytes < 0) {
            line.append('-');
        } else {
            line.append(bytes);
        }
        return line.toString();
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
        StringBuilder out = new StringBuilder(text.length() + 8);
        appendEscaped(out, text);
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                out.append(c);
            }
        }
    }

    /**
     * Turns the stamp over at the start of each second. Reading the clock cost request threads more
     * than anything else in {@link #log} (a system call's worth, tens of nanoseconds, per request);
     * this costs one wake-up a second, and a line stamped in the moment between a second's start and
     * this thread's wake-up (well under a millisecond, unless the machine is overloaded) shows the
     * second before. Helidon's own {@code Date} header is kept the same way, refreshed once a second.
     */
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
        return new Stamp(Math.floorDiv(millis, 1000), TIME.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(millis),
                zone)).getBytes(StandardCharsets.US_ASCII));
    }

    private void drain() {
        Output output = terminal.takesAsciiBytes() ? new Bytes(terminal) : new Lines(terminal);
        Object[] chunk = new Object[CHUNK];
        while (true) {
            boolean closing = closed;
            if (!closing) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS));
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSING_WAIT_MILLIS);
            int count;
            do {
                count = takeFinishedLines(chunk, closing, deadline);
                for (int i = 0; i < count; i++) {
                    output.add(chunk[i]);
                    chunk[i] = null;
                }
            } while (count == CHUNK);
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                output.add(new Text(NOTE, "(" + lost + " request lines were not printed: requests came faster than the"
                        + " console could show them)"));
            }
            output.print();
            if (closing) {
                return;
            }
        }
    }

    /**
     * Moves up to {@link #CHUNK} finished lines, in order, out of the ring into {@code chunk}, and
     * touches each before returning: their loads from memory overlap instead of waiting one by one.
     * Stops at a slot still being filled; when closing, waits for it instead until {@code deadline}
     * (a {@link System#nanoTime()}): a request thread fills its slot without blocking, so not for long.
     */
    private int takeFinishedLines(Object[] chunk, boolean closing, long deadline) {
        long first = taken;
        long end = Math.min(claimed.get(), first + CHUNK);
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

    /** Where the writer collects a batch of lines and prints it. */
    private sealed interface Output permits Bytes, Lines {
        void add(Object line);

        void print();
    }

    /** To a console taking ASCII bytes: one byte block, one write. */
    private static final class Bytes implements Output {
        private final Terminal terminal;
        private final Charset charset;
        private final boolean colors;
        private byte[] block = new byte[16_384];
        private int length;

        Bytes(Terminal terminal) {
            this.terminal = terminal;
            this.charset = terminal.out().charset();
            this.colors = terminal.colors();
        }

        @Override
        public void add(Object line) {
            int status = line instanceof byte[] ascii ? (ascii[0] & 0xff) << 8 | ascii[1] & 0xff : ((Text) line).status();
            String ansi = colors && status != NOTE ? ansiFor(status) : "";
            if (!ansi.isEmpty()) {
                append("\u001b[" + ansi + "m");
            }
            if (line instanceof byte[] ascii) {
                append(ascii, 2, ascii.length - 2);
            } else {
                byte[] encoded = ((Text) line).line().getBytes(charset);
                append(encoded, 0, encoded.length);
            }
            if (!ansi.isEmpty()) {
                append("\u001b[0m");
            }
            append(SEPARATOR, 0, SEPARATOR.length);
        }

        private void append(String ascii) {
            byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
            append(bytes, 0, bytes.length);
        }

        private void append(byte[] bytes, int from, int count) {
            if (block.length - length < count) {
                block = Arrays.copyOf(block, Math.max(2 * block.length, length + count));
            }
            System.arraycopy(bytes, from, block, length, count);
            length += count;
        }

        @Override
        public void print() {
            if (length > 0) {
                terminal.printAscii(block, length);
                length = 0;
                // Keep the buffer unless one burst made it huge.
                if (block.length > 4 << 20) {
                    block = new byte[16_384];
                }
            }
        }
    }

    /** To a logger (or a console whose charset does not write ASCII as ASCII): one string per line. */
    private static final class Lines implements Output {
        private final Terminal terminal;
        private final boolean colors;
        private final List<String> lines = new ArrayList<>();

        Lines(Terminal terminal) {
            this.terminal = terminal;
            this.colors = terminal.colors();
        }

        @Override
        public void add(Object line) {
            int status;
            String text;
            if (line instanceof byte[] ascii) {
                status = (ascii[0] & 0xff) << 8 | ascii[1] & 0xff;
                text = new String(ascii, 2, ascii.length - 2, StandardCharsets.US_ASCII);
            } else {
                status = ((Text) line).status();
                text = ((Text) line).line();
            }
            String ansi = colors && status != NOTE ? ansiFor(status) : "";
            lines.add(ansi.isEmpty() ? text : "\u001b[" + ansi + "m" + text + "\u001b[0m");
        }

        @Override
        public void print() {
            if (!lines.isEmpty()) {
                terminal.printLines(lines);
                lines.clear();
            }
        }
    }

    /** Prints what is still queued, then stops the writer thread. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(clock);
        LockSupport.unpark(writer);
        try {
            writer.join(2_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
