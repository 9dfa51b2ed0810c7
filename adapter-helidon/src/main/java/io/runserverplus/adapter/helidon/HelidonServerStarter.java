package io.runserverplus.adapter.helidon;

import io.helidon.http.HttpException;
import io.helidon.common.tls.Tls;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.runserverplus.spi.AppServer;
import io.runserverplus.spi.Debugger;
import io.runserverplus.spi.ServerSetup;
import io.runserverplus.spi.ServerStarter;

/**
 * Starts Helidon's WebServer (virtual threads) with the debugger wired into the routing: the
 * request log and {@code /__debugger__/} in a {@link DebuggerFeature} ahead of the app's filters,
 * and an error handler for {@link Throwable}
 * (Helidon passes {@link Error}s to error handlers too); handlers the app registers for its own
 * exception types still win, as Helidon picks the most specific one. A failure after the response
 * was committed never reaches an error handler: Helidon logs it once and closes the connection.
 * The app's own error handlers are wrapped ({@link AppErrorHandlers}) so that the failures they
 * answer with a 5xx are recorded too.
 */
final class HelidonServerStarter implements ServerStarter {

    private final HelidonApp app;

    HelidonServerStarter(HelidonApp app) {
        this.app = app;
    }

    /** Held so java.util.logging keeps the level set on it (it only keeps loggers weakly). */
    private static final java.util.logging.Logger HELIDON_LOGS = java.util.logging.Logger.getLogger("io.helidon");

    @Override
    public AppServer start(ServerSetup setup) {
        quietHelidonUnlessConfigured();
        WebServerConfig.Builder builder = app.server()
                .host(setup.host())
                .port(setup.port())
                .routing(routing -> routing(routing, setup));
        setup.tls().ifPresent(context -> builder.tls(Tls.builder().sslContext(context).build()));
        WebServer server = builder.build().start();
        return AppServer.of(server, server::port, server::stop);
    }

    /**
     * Helidon announces its features, sockets and start time at INFO; RunServerPlus's banner says
     * what matters, so unless the user set up java.util.logging, only Helidon's warnings show.
     */
    private static void quietHelidonUnlessConfigured() {
        if (System.getProperty("java.util.logging.config.file") == null
                && System.getProperty("java.util.logging.config.class") == null && HELIDON_LOGS.getLevel() == null) {
            HELIDON_LOGS.setLevel(java.util.logging.Level.WARNING);
        }
    }

    private void routing(HttpRouting.Builder routing, ServerSetup setup) {
        Debugger debugger = setup.debugger();
        routing.addFeature(new DebuggerFeature(debugger, setup.requestLog()));
        routing.error(Throwable.class, (request, response, failure) -> {
            // Helidon's own HTTP exceptions (404 for an unknown path, 400, ...) are answers, not
            // failures: sending nothing hands them back to Helidon's default handling.
            if (!(failure instanceof HttpException)) {
                HelidonExchange.respond(response, debugger.handleFailure(HelidonExchange.request(request), failure));
            }
        });
        app.routing().accept(AppErrorHandlers.recording(routing, debugger));
    }
}
