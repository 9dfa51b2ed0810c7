package io.runserverplus.spi;

import java.util.Map;
import java.util.Optional;

/**
 * What an adapter hands requests to: the app's failures, {@code /__debugger__/} commands and the
 * standalone console page, as neutral {@link DebugRequest}s; it copies each {@link DebugResponse}
 * onto its framework's response. Core implements it; it knows nothing of any framework.
 */
public interface Debugger {

    /** The path prefix of every debugger command. */
    String PREFIX = "/__debugger__/";

    /** Cheap test an adapter makes on every request before building a {@link DebugRequest}. */
    static boolean isDebuggerPath(String path) {
        return path.startsWith(PREFIX);
    }

    /**
     * The answer to a request the app failed: the traceback page (or text or JSON, as the client
     * accepts). The failure is logged once here; adapters must not log it again.
     */
    DebugResponse handleFailure(DebugRequest request, Throwable failure);

    /**
     * A failure after the response was committed: nothing can be sent any more, so it is only
     * logged, once; the adapter then ends the exchange the way its framework allows (cuts the connection).
     */
    void handleFailureAfterCommit(DebugRequest request, Throwable failure);

    /**
     * A failure the app's own exception handler answered with {@code status}: the app's response
     * stands; a 5xx is recorded for the failures list (marked as handled by the app). Returns the
     * headers the adapter adds to the app's response (a {@code Link} to the failure's page), empty
     * below 500. Adapters call it only for requests that failed.
     */
    default Map<String, String> handledByApp(DebugRequest request, Throwable failure, int status) {
        return Map.of();
    }

    /** Answers a request whose path {@link #isDebuggerPath is the debugger's}. */
    DebugResponse handleCommand(DebugRequest request);

    /** Where the standalone console page is served, if it is on: adapters route {@code GET} requests for it here. */
    Optional<String> consolePath();

    /** The standalone console page ({@link #consolePath()}). */
    DebugResponse handleConsolePage(DebugRequest request);

    /**
     * Whether {@code --live-reload} is on: then the adapter passes the app's HTML answers through
     * {@link LiveReloadTag}; off, it leaves every answer as it is.
     */
    default boolean liveReload() {
        return false;
    }
}
