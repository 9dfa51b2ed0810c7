package io.runserverplus.core.requestlog;

import io.runserverplus.core.terminal.Terminal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the request log's writer collects a batch of lines (in either form of
 * {@link RequestLineFormat}), coloured by status when the terminal has colours, and prints it.
 */
sealed interface LineBatch permits LineBatch.Bytes, LineBatch.Lines {

    void add(Object line);

    void print();

    /** The ANSI style for a line: none without colours, and none for the log's own notes. */
    private static String ansiStyle(boolean colors, Object line) {
        int status = RequestLineFormat.statusOf(line);
        return colors && status != RequestLineFormat.NOTE ? RequestLineFormat.ansiFor(status) : "";
    }

    /** To a console taking ASCII bytes: one byte block, one write. */
    final class Bytes implements LineBatch {
        private static final byte[] SEPARATOR = System.lineSeparator().getBytes(StandardCharsets.US_ASCII);
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
            String ansi = ansiStyle(colors, line);
            if (!ansi.isEmpty()) {
                append("\u001b[" + ansi + "m");
            }
            if (line instanceof byte[] ascii) {
                append(ascii, 2, ascii.length - 2);
            } else {
                byte[] encoded = ((RequestLineFormat.Text) line).line().getBytes(charset);
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
    final class Lines implements LineBatch {
        private final Terminal terminal;
        private final boolean colors;
        private final List<String> lines = new ArrayList<>();

        Lines(Terminal terminal) {
            this.terminal = terminal;
            this.colors = terminal.colors();
        }

        @Override
        public void add(Object line) {
            String text = line instanceof byte[] ascii
                    ? new String(ascii, 2, ascii.length - 2, StandardCharsets.US_ASCII)
                    : ((RequestLineFormat.Text) line).line();
            String ansi = ansiStyle(colors, line);
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
}
