package io.runserverplus.core.requestlog;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Werkzeug's request line, {@code 127.0.0.1 - - [24/Nov/2026 10:00:00] "GET /path HTTP/1.1" 200 1234},
 * and its colours, in the two forms a line waits in to be printed (see {@link PendingRequestLines}):
 * a {@code byte[]} holding the status in its first two bytes, then the line in ASCII (the common
 * case, built by {@link #asciiLine}); or a {@link Text} when the line is not plain ASCII.
 */
final class RequestLineFormat {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy HH:mm:ss", Locale.ENGLISH);
    /** The status of a note from the request log itself: printed without colour. */
    static final int NOTE = Integer.MIN_VALUE;
    private static final byte[] DASHES = " - - [".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OPEN_QUOTE = "] \"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE_QUOTE = "\" ".getBytes(StandardCharsets.US_ASCII);

    /** A line that is not plain ASCII (escaped, or with non-ASCII characters), or a note ({@link #NOTE}). */
    record Text(int status, String line) {
    }

    private RequestLineFormat() {
    }

    /** The status of a waiting line, in either form. */
    static int statusOf(Object line) {
        return line instanceof byte[] ascii ? (ascii[0] & 0xff) << 8 | ascii[1] & 0xff : ((Text) line).status();
    }

    /**
     * The line as ASCII bytes after two bytes of status, or null when it is not printable ASCII
     * (control characters to escape, or other characters to encode).
     */
    static byte[] asciiLine(String remote, String method, String target, String protocol, int status,
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

    /** The line as a string, control characters escaped, without colour. */
    static String format(String remote, String method, String target, String protocol, int status, long bytes,
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
}
