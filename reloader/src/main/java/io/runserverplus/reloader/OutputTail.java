package io.runserverplus.reloader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The child's last output lines (stdout and stderr interleaved as they arrived), kept for the
 * failure page. Bounded in lines and in line length, so a chatty child cannot grow it.
 */
final class OutputTail {

    private static final int MAX_LINE_BYTES = 4_000;

    private final int maxLines;
    private final ArrayDeque<String> lines = new ArrayDeque<>();

    OutputTail(int maxLines) {
        this.maxLines = maxLines;
    }

    synchronized void add(String line) {
        if (lines.size() == maxLines) {
            lines.removeFirst();
        }
        lines.addLast(line);
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
