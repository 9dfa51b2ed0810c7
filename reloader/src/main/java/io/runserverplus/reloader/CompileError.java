package io.runserverplus.reloader;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One error javac reported, with the source lines around it for the compile-error page.
 *
 * @param file      the source file; null for an error about no file (a bad option)
 * @param line      1-based; 0 when unknown
 * @param column    1-based; 0 when unknown
 * @param message   javac's message, possibly several lines
 * @param firstLine the number of the first line of {@code context}
 * @param context   the lines around {@code line}, as in the file
 */
record CompileError(Path file, long line, long column, String message, long firstLine, List<String> context) {

    /** How many lines before and after the error the page shows. */
    static final int CONTEXT = 4;

    CompileError {
        context = List.copyOf(context);
    }

    static CompileError of(Path file, long line, long column, String message, Charset encoding) {
        if (file == null || line <= 0) {
            return new CompileError(file, Math.max(line, 0), Math.max(column, 0), message, 0, List.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, encoding);
        } catch (IOException | RuntimeException e) {
            lines = List.of();
        }
        int from = (int) Math.max(1, line - CONTEXT);
        int to = (int) Math.min(lines.size(), line + CONTEXT);
        List<String> context = from <= to ? lines.subList(from - 1, to) : List.of();
        return new CompileError(file, line, column, message, from, context);
    }

    /** As javac prints it: {@code path:line: error: message}, the line, and a caret under the column. */
    String forTerminal() {
        var text = new StringBuilder();
        text.append(file == null ? "javac" : file.toString());
        if (line > 0) {
            text.append(':').append(line);
        }
        String[] messageLines = message.split("\\R", -1);
        text.append(": error: ").append(messageLines[0]).append('\n');
        if (line >= firstLine && line - firstLine < context.size()) {
            String source = context.get((int) (line - firstLine));
            text.append(source).append('\n');
            if (column > 0) {
                text.append(" ".repeat((int) Math.min(column - 1, source.length()))).append("^\n");
            }
        }
        for (int i = 1; i < messageLines.length; i++) {
            text.append(messageLines[i]).append('\n');
        }
        return text.toString();
    }
}
