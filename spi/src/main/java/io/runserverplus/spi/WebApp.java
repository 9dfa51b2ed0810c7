package io.runserverplus.spi;

import java.util.Optional;

/**
 * A web application for one framework, made by that framework's adapter, e.g.
 * {@code JavalinApp.of(config -> ...)}, and passed to {@code RunServerPlus.builder().app(...)}. The
 * app object picks its adapter: its {@link #serverStarter()} serves it.
 */
public interface WebApp {

    /** The adapter's short name, e.g. {@code javalin}, as listed by its {@link AdapterProvider}. */
    String adapterName();

    /** What starts this app's server with the debugger wired in. */
    ServerStarter serverStarter();

    /**
     * Why the framework on the class path cannot serve this app (its version is outside the
     * adapter's supported range), in one sentence naming the version, the range and the dependency
     * to change; empty when it can. Checked before anything starts.
     */
    Optional<String> unsupportedFramework();

    /**
     * The address the app's own server settings name, if any: used when no RunServerPlus setting
     * names one. Read before anything starts, so it must have no effect beyond reading the app's settings.
     */
    default Optional<OwnAddress> ownAddress() {
        return Optional.empty();
    }

    /**
     * Loads the framework's classes ahead of the start, on a background thread while core wires
     * itself, so the two overlap. Must have no effect beyond class loading: no threads, sockets,
     * files or global state.
     */
    default void warmUp() {
    }
}
