package io.runserverplus.adapter.jetty;

import io.runserverplus.jetty.support.JettyConnectors;
import io.runserverplus.jetty.support.JettyRequestLog;
import io.runserverplus.spi.AppServer;
import io.runserverplus.spi.ServerSetup;
import io.runserverplus.spi.ServerStarter;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Starts the app's Jetty server (or a new one around its handler) with RunServerPlus's connector
 * in place of its own, its handler wrapped by {@link DebuggerHandler}, and
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
        for (Connector own : server.getConnectors()) {
            server.removeConnector(own);
        }
        ServerConnector connector = JettyConnectors.create(server, new HttpConfiguration(), setup);
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
