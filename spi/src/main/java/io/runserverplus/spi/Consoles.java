package io.runserverplus.spi;

import java.util.concurrent.CompletableFuture;

/** The open consoles of one server, at most a few (least recently used are closed first). Thread-safe. */
public interface Consoles extends AutoCloseable {

    /**
     * Prepares a console in the background, so that opening the first one does not wait for JShell;
     * the future completes when it is ready.
     */
    CompletableFuture<Void> warmUp();

    /**
     * Evaluates one line (or block) of input in console {@code id}, opening it with {@code scope}'s
     * exception and request on first use, and binding {@code scope}'s frame and variables when the
     * frame differs from the one bound last. Waits at most the console's time limit (plus a short
     * grace); what the snippet printed, its value or its error come back as plain text.
     */
    EvalResult eval(String id, ConsoleScope scope, String code);

    /**
     * The completions for {@code code} at {@code cursor} in console {@code id}, with {@code scope}'s
     * variables bound as for {@link #eval}; nothing is run.
     */
    default Completions complete(String id, ConsoleScope scope, String code, int cursor) {
        return Completions.NONE;
    }

    /**
     * Stops the evaluation running in console {@code id}, the same way as its time limit does;
     * {@code false} when none is running.
     */
    default boolean stop(String id) {
        return false;
    }

    /** Closes every console. */
    @Override
    void close();
}
