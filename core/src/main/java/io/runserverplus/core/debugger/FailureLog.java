package io.runserverplus.core.debugger;

import io.runserverplus.spi.DebugRequest;
import jakarta.inject.Singleton;

/**
 * Writes each failed request's stack trace to the {@code runserverplus} logger, once: adapters
 * keep their frameworks from logging the same failure again. A failure seen before (same types
 * and frames, whatever the message) gets one line and a count instead of another 3 KB trace, so a
 * client hammering a broken route cannot fill the terminal or the {@code --output} file.
 */
@Singleton
public class FailureLog {

    private final RepeatedFailures seen = new RepeatedFailures(RepeatedFailures.DEFAULT_CAPACITY);

    /** Looked up on first use: finding System.Logger's backend scans every jar, which start-up need not pay. */
    private static System.Logger logger() {
        return System.getLogger("runserverplus");
    }

    public void failed(DebugRequest request, Throwable failure) {
        log("Error on request \"" + request.requestLine() + "\"", failure, false);
    }

    public void failedAfterCommit(DebugRequest request, Throwable failure) {
        log("Error on request \"" + request.requestLine()
                + "\" after the response was committed; the connection was closed without a traceback page", failure, true);
    }

    private void log(String what, Throwable failure, boolean afterCommit) {
        long times = seen.record(failure, afterCommit);
        if (times == 1) {
            logger().log(System.Logger.Level.ERROR, what, failure);
        } else {
            logger().log(System.Logger.Level.ERROR, repeatLine(what, failure, times));
        }
    }

    /**
     * One line for a failure logged in full before. When failures get pages of their own, this is
     * where their link goes.
     */
    static String repeatLine(String what, Throwable failure, long times) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().lines().findFirst().orElse("");
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        return what + ": " + failure.getClass().getName() + (message.isEmpty() ? "" : ": " + message)
                + " (the same failure " + times
                + " times now; its stack trace was logged the first time)";
    }
}
