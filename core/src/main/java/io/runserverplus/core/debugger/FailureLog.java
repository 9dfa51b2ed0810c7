package io.runserverplus.core.debugger;

import io.runserverplus.spi.DebugRequest;
import jakarta.inject.Singleton;

/**
 * Writes each failed request's stack trace to the {@code runserverplus} logger, once: adapters
 * keep their frameworks from logging the same failure again.
 */
@Singleton
public class FailureLog {

    /** Looked up on first use: finding System.Logger's backend scans every jar, which start-up need not pay. */
    private static System.Logger logger() {
        return System.getLogger("runserverplus");
    }

    public void failed(DebugRequest request, Throwable failure) {
        logger().log(System.Logger.Level.ERROR, "Error on request \"" + request.requestLine() + "\"", failure);
    }

    public void failedAfterCommit(DebugRequest request, Throwable failure) {
        logger().log(System.Logger.Level.ERROR, "Error on request \"" + request.requestLine()
                + "\" after the response was committed; the connection was closed without a traceback page", failure);
    }
}
