package io.runserverplus.reloader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The child's last output lines (stdout and stderr interleaved as they arrived), kept for the
 * failure page. Bounded in lines and in line length, so a chatty child cannot grow it.
 *
 * <p>What the page may show must never let a reader into the debugger: the debugger's PIN line
 * (printed at each start and by {@code printpin}) goes to the terminal only, and the PIN it
 * names, and the values of the supervisor's own variables in the child's environment (such as the
 * key that signs PIN cookies), are hidden wherever else the app prints them.
 */
final class OutputTail {

    private static final int MAX_LINE_BYTES = 4_000;
    /** What core's debugger prints before the PIN: {@code " * Debugger PIN: 123-456-789 (console: <url>)"}. */
    static final String PIN_LINE = "Debugger PIN";
    static final String HIDDEN = "[hidden]";
    /** Shorter values (a flag such as "1") would hide ordinary words, and are no secrets. */
    private static final int MIN_SECRET_LENGTH = 8;

    private final int maxLines;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final Set<String> secrets = new LinkedHashSet<>();

    OutputTail(int maxLines) {
        this(maxLines, Set.of());
    }

    /** @param secrets values never to show, e.g. those of the environment the supervisor adds */
    OutputTail(int maxLines, Iterable<String> secrets) {
        this.maxLines = maxLines;
        for (String secret : secrets) {
            if (secret.length() >= MIN_SECRET_LENGTH) {
                this.secrets.add(secret);
            }
        }
    }

    synchronized void add(String line) {
        int pin = line.indexOf(PIN_LINE);
        if (pin >= 0) {
            learnPin(line.substring(pin + PIN_LINE.length()));
            return; // to the terminal only
        }
        if (lines.size() == maxLines) {
            lines.removeFirst();
        }
        lines.addLast(redact(line));
    }

    /** The PIN stays the same across restarts, so it stays hidden after the tail is cleared. */
    private void learnPin(String afterLabel) {
        // The PIN is the first word; the console's address may follow it.
        String pin = afterLabel.replaceFirst("^[:\\s]+", "").strip().split("\\s", 2)[0];
        if (pin.chars().filter(Character::isDigit).count() >= 4) {
            secrets.add(pin);
            secrets.add(pin.replace("-", ""));
            // Lines already kept may name it too (an app that logs it before the debugger does).
            List<String> kept = List.copyOf(lines);
            lines.clear();
            kept.forEach(line -> lines.addLast(redact(line)));
        }
    }

    private String redact(String line) {
        String shown = line;
        for (String secret : secrets) {
            shown = shown.replace(secret, HIDDEN);
        }
        return shown;
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized void clear() {
        lines.clear();
    }

    /** Splits one stream's bytes into lines; '\n' never occurs inside a UTF-8 sequence. */
    final class LineSplitter {
        private final byte[] line = new byte[MAX_LINE_BYTES];
        private int length;

        void accept(byte[] buffer, int count) {
            for (int i = 0; i < count; i++) {
                byte b = buffer[i];
                if (b == '\n') {
                    flush();
                } else if (length < line.length) {
                    line[length++] = b;
                }
            }
        }

        void flush() {
            int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
            add(new String(line, 0, end, StandardCharsets.UTF_8));
            length = 0;
        }

        void finish() {
            if (length > 0) {
                flush();
            }
        }
    }
}
