package io.runserverplus.core;

/** A started development server. Closing it stops the server and frees its port. */
public interface RunningServer extends AutoCloseable {

    /** The port the server listens on (the real one when 0 was asked for). */
    int port();

    /** The base URL, e.g. {@code http://127.0.0.1:8000}. */
    String url();

    /** Stops the server; returns once the port is free. Calling it again does nothing. */
    void stop();

    @Override
    default void close() {
        stop();
    }
}
