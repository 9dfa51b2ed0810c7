package io.runserverplus.core.render;

import io.runserverplus.core.traceback.ThrowableInfo;
import io.runserverplus.core.traceback.Traceback;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failure as Markdown for an issue or a chat: the exception line, the root cause and the request
 * as code spans, then the trace in a fence. Delimiters are longer than any run of backticks in the
 * text (CommonMark's rule), so nothing the exception says can end them early.
 */
final class MarkdownReport {

    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private MarkdownReport() {
    }

    static String of(Traceback traceback, String requestLine) {
        ThrowableInfo root = traceback.root();
        StringBuilder markdown = new StringBuilder(traceback.plainText().length() + 256);
        markdown.append(code(firstLine(root))).append("\n\n");
        rootCause(root).ifPresent(cause -> markdown.append("Root cause: ").append(code(firstLine(cause))).append("  \n"));
        markdown.append("Request: ").append(code(request(requestLine))).append("\n\n");
        String fence = "`".repeat(Math.max(3, longestBackticks(traceback.plainText()) + 1));
        markdown.append(fence).append("text\n").append(traceback.plainText().stripTrailing()).append('\n')
                .append(fence).append('\n');
        return markdown.toString();
    }

    /** The innermost cause, when the exception has one. */
    static Optional<ThrowableInfo> rootCause(ThrowableInfo root) {
        ThrowableInfo deepest = root;
        while (deepest.cause().isPresent() && !deepest.cause().get().circularReference()) {
            deepest = deepest.cause().get();
        }
        return deepest == root ? Optional.empty() : Optional.of(deepest);
    }

    /** {@code GET /path?query} of {@code GET /path?query HTTP/1.1}: the method and the target. */
    static String request(String requestLine) {
        return requestLine.replaceFirst(" HTTP/[0-9.]+$", "");
    }

    static String firstLine(ThrowableInfo info) {
        return info.summary().lines().findFirst().orElse(info.typeName());
    }

    private static String code(String text) {
        String oneLine = text.replace('\r', ' ').replace('\n', ' ');
        String delimiter = "`".repeat(longestBackticks(oneLine) + 1);
        String pad = oneLine.startsWith("`") || oneLine.endsWith("`") ? " " : "";
        return delimiter + pad + oneLine + pad + delimiter;
    }

    private static int longestBackticks(String text) {
        int longest = 0;
        Matcher run = BACKTICKS.matcher(text);
        while (run.find()) {
            longest = Math.max(longest, run.end() - run.start());
        }
        return longest;
    }
}
