package io.runserverplus.core.debugger;

import io.runserverplus.spi.DebugRequest;
import jakarta.inject.Singleton;

/**
 * Writes each failed request's stack trace to the {@code runserverplus} logger, once: adapters
 * keep their frameworks from logging the same failure again.
 */
@Singleton
public class FailureLog {

    private static final System.Logger LOGGER = System.getLogger("runserverplus");

    public void failed(DebugRequest request, Throwable failure) {
        LOGGER.log(System.Logger.Level.ERROR, "Error on request \"" + request.requestLine() + "\"", failure);
    }

    public void failedAfterCommit(DebugRequest request, Throwable failure) {
        LOGGER.log(System.Logger.Level.ERROR, "Error on request \"" + request.requestLine()
                + "\" after the response was committed; the connection was closed without a traceback page", failure);
    }
}
