package io.runserverplus.adapter.jetty;

import io.runserverplus.jetty.support.JettyConnectors;
import io.runserverplus.jetty.support.JettyRequestLog;
import io.runserverplus.spi.AppServer;
import io.runserverplus.spi.ServerSetup;
import io.runserverplus.spi.ServerStarter;
import java.util.Arrays;
import java.util.Objects;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Starts the app's Jetty server (or a new one around its handler) with RunServerPlus's connector
 * in place of its own (with the HTTP settings of the app's first one), its handler wrapped by {@link DebuggerHandler}, and
 * {@link DebuggerErrorHandler} as error handler for the failures a context of the app catches.
 */
final class JettyServerStarter implements ServerStarter {

    private final JettyApp app;

    JettyServerStarter(JettyApp app) {
        this.app = app;
    }

    @Override
    public AppServer start(ServerSetup setup) throws Exception {
        Server server = app.server();
        // The HTTP settings of the app's first connector (header sizes, whether to send Jetty's
        // version, ...) still hold on the one that replaces it.
        HttpConfiguration http = Arrays.stream(server.getConnectors())
                .map(own -> own.getConnectionFactory(HttpConnectionFactory.class))
                .filter(Objects::nonNull).findFirst()
                .map(own -> new HttpConfiguration(own.getHttpConfiguration()))
                .orElseGet(HttpConfiguration::new);
        for (Connector own : server.getConnectors()) {
            server.removeConnector(own);
        }
        ServerConnector connector = JettyConnectors.create(server, http, setup);
        server.addConnector(connector);
        server.setHandler(new DebuggerHandler(server.getHandler(), setup.debugger()));
        server.setErrorHandler(new DebuggerErrorHandler(server.getErrorHandler(), setup.debugger()));
        server.setRequestLog(new JettyRequestLog(setup.requestLog()));
        AppErrorHandlers.recordIn(server, setup.debugger());
        try {
            server.start();
        } catch (Exception failure) {
            server.stop();
            throw failure;
        }
        return AppServer.of(server, connector::getLocalPort, () -> {
            try {
                server.stop();
            } catch (Exception failure) {
                throw new IllegalStateException("Jetty did not stop cleanly: " + failure.getMessage(), failure);
            }
        });
    }
}
