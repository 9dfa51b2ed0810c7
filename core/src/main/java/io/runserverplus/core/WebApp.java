package io.runserverplus.core;

import com.google.inject.Module;
import java.util.Optional;

/**
 * A web application for one framework, made by that framework's adapter, e.g.
 * {@code JavalinApp.of(config -> ...)}. The app object picks its adapter: its module binds the
 * {@link io.runserverplus.core.server.ServerAdapter} that serves it.
 */
public interface WebApp {

    /** The adapter's short name, e.g. {@code javalin}, as listed by its AdapterProvider. */
    String adapterName();

    /** The Guice module binding this app's {@link io.runserverplus.core.server.ServerAdapter}. */
    Module adapterModule();

    /**
     * Why the framework on the class path cannot serve this app (its version is outside the
     * adapter's supported range), in one sentence naming the version, the range and the dependency
     * to change; empty when it can. Checked before anything starts.
     */
    Optional<String> unsupportedFramework();

    /**
     * Loads the framework's classes ahead of the start, on a background thread while core wires
     * itself, so the two overlap. Must have no effect beyond class loading: no threads, sockets,
     * files or global state.
     */
    default void warmUp() {
    }
}
