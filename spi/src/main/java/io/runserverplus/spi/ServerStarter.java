package io.runserverplus.spi;

/**
 * What an adapter gives core: starts its framework's server for one app, routing
 * {@code /__debugger__/} requests, the console page and the app's failures to the
 * {@link ServerSetup#debugger()} and reporting each finished request to
 * {@link ServerSetup#requestLog()}.
 */
@FunctionalInterface
public interface ServerStarter {

    /**
     * Starts serving; returns once the server accepts connections.
     *
     * @throws Exception whatever the framework throws when it cannot start (e.g. address in use)
     */
    AppServer start(ServerSetup setup) throws Exception;
}
