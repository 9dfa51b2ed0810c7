package io.runserverplus.spi;

import java.util.function.IntSupplier;

/** The framework server an adapter's {@link ServerStarter} started. */
public interface AppServer {

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

    /** The usual shape: the framework's own object, where to read its bound port, and how to stop it. */
    static AppServer of(Object application, IntSupplier port, Runnable stop) {
        return new AppServer() {
            @Override
            public int port() {
                return port.getAsInt();
            }

            @Override
            public Object application() {
                return application;
            }

            @Override
            public void stop() {
                stop.run();
            }
        };
    }
}
