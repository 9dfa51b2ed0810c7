package io.runserverplus.core.debugger;

import io.runserverplus.spi.DebugRequest;
import jakarta.inject.Singleton;

/**
 * Writes each failed request's stack trace to the {@code runserverplus} logger, once: adapters
 * keep their frameworks from logging the same failure again. A failure seen before (same types
 * and frames, whatever the message) gets one line and a count instead of another 3 KB trace, so a
 * client hammering a broken route cannot fill the terminal or the {@code --output} file. Each
 * failure's first line ends with its page's URL, so a failed API call is one click from the terminal.
 */
@Singleton
public class FailureLog {

    private final RepeatedFailures seen = new RepeatedFailures(RepeatedFailures.DEFAULT_CAPACITY);

    /** What the log knows of a failure: its shape (same shape, same failure) and how often it was seen. */
    public record Seen(String shape, long times) {
    }

    /** Looked up on first use: finding System.Logger's backend scans every jar, which start-up need not pay. */
    private static System.Logger logger() {
        return System.getLogger("runserverplus");
    }

    public Seen failed(DebugRequest request, Throwable failure, String pageUrl) {
        return log("Error on request \"" + request.requestLine() + "\"", failure, false, pageUrl);
    }

    public void failedAfterCommit(DebugRequest request, Throwable failure) {
        log("Error on request \"" + request.requestLine()
                + "\" after the response was committed; the connection was closed without a traceback page", failure, true, null);
    }

    /**
     * A failure the app's own exception handler answered with a 5xx: one line, never the trace (the
     * app chose how to report it, and may log it itself), with the page's URL.
     */
    public Seen handledByApp(DebugRequest request, Throwable failure, int status, String pageUrl) {
        String shape = RepeatedFailures.shapeOf(failure, false);
        long times = seen.record(shape);
        logger().log(System.Logger.Level.ERROR, "Error on request \"" + request.requestLine()
                + "\", handled by the app, which answered " + status + ": " + headline(failure)
                + (times == 1 ? "" : " (the same failure " + times + " times now)") + ", page: " + pageUrl);
        return new Seen(shape, times);
    }

    private Seen log(String what, Throwable failure, boolean afterCommit, String pageUrl) {
        String shape = RepeatedFailures.shapeOf(failure, afterCommit);
        long times = seen.record(shape);
        String page = pageUrl == null ? "" : ", page: " + pageUrl;
        if (times == 1) {
            logger().log(System.Logger.Level.ERROR, what + page, failure);
        } else {
            logger().log(System.Logger.Level.ERROR, repeatLine(what, failure, times) + page);
        }
        return new Seen(shape, times);
    }

    /** One line for a failure logged in full before. */
    static String repeatLine(String what, Throwable failure, long times) {
        return what + ": " + headline(failure) + " (the same failure " + times
                + " times now; its stack trace was logged the first time)";
    }

    /** The type and the first line of the message, cut at 200 characters. */
    private static String headline(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().lines().findFirst().orElse("");
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        return failure.getClass().getName() + (message.isEmpty() ? "" : ": " + message);
    }
}
