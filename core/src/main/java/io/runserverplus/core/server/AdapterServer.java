package io.runserverplus.core.server;

/** A framework server an adapter started. */
public interface AdapterServer {

    /** The port actually bound (differs from the requested one when that was 0). */
    int port();

    /**
     * The running framework's own application object (the {@code Javalin}, the Helidon
     * {@code WebServer}, the Jetty {@code Server}), bound as {@code app} in the standalone console.
     */
    default Object application() {
        return null;
    }

    /** Stops accepting requests and releases the port; returns when done. */
    void stop();
}
