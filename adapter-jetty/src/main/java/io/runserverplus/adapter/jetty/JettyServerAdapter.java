package io.runserverplus.adapter.jetty;

import io.runserverplus.core.debugger.DebuggerEndpoint;
import io.runserverplus.core.server.AdapterServer;
import io.runserverplus.core.server.RequestLog;
import io.runserverplus.core.server.ServerAdapter;
import io.runserverplus.core.server.ServerAddress;
import jakarta.inject.Inject;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Starts a Jetty server whose handler is the app's, wrapped by {@link DebuggerHandler}, and whose
 * error handler is {@link DebuggerErrorHandler} for the failures a context of the app catches.
 */
final class JettyServerAdapter implements ServerAdapter {

    private final JettyApp app;
    private final DebuggerEndpoint debugger;
    private final RequestLog requestLog;

    @Inject
    JettyServerAdapter(JettyApp app, DebuggerEndpoint debugger, RequestLog requestLog) {
        this.app = app;
        this.debugger = debugger;
        this.requestLog = requestLog;
    }

    @Override
    public AdapterServer start(ServerAddress address, Optional<SSLContext> tls) throws Exception {
        Server server = new Server();
        ServerConnector connector = JettyConnectors.create(server, new HttpConfiguration(), address, tls);
        server.addConnector(connector);
        server.setHandler(new DebuggerHandler(app.handler(), debugger));
        server.setErrorHandler(new DebuggerErrorHandler(debugger));
        server.setRequestLog(new JettyRequestLog(requestLog));
        AppErrorHandlers.recordIn(server, debugger);
        try {
            server.start();
        } catch (Exception failure) {
            server.stop();
            throw failure;
        }
        return AdapterServer.of(server, connector::getLocalPort, () -> {
            try {
                server.stop();
            } catch (Exception failure) {
                throw new IllegalStateException("Jetty did not stop cleanly: " + failure.getMessage(), failure);
            }
        });
    }
}
