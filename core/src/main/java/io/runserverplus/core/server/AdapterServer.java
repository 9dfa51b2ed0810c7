package io.runserverplus.core.server;

/** A framework server an adapter started. */
public interface AdapterServer {

    /** The port actually bound (differs from the requested one when that was 0). */
    int port();

    /** Stops accepting requests and releases the port; returns when done. */
    void stop();
}
