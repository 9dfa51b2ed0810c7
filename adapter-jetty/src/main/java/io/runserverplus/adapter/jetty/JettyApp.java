package io.runserverplus.adapter.jetty;

import io.runserverplus.adapter.jetty.discovery.JettyAdapterProvider;
import io.runserverplus.jetty.support.JettyWarmUp;
import io.runserverplus.spi.OwnAddress;
import io.runserverplus.spi.ServerStarter;
import io.runserverplus.spi.SupportedVersions;
import io.runserverplus.spi.WebApp;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;

/**
 * A Jetty 12 application for RunServerPlus: the core {@link Handler} you would give
 * {@code Server.setHandler}, e.g. {@code JettyApp.of(new MyHandler())}, or the whole {@link Server}
 * the app built.
 */
public final class JettyApp implements WebApp {

    private final Supplier<Server> server;
    private final Optional<OwnAddress> ownAddress;

    private JettyApp(Supplier<Server> server, Optional<OwnAddress> ownAddress) {
        this.server = server;
        this.ownAddress = ownAddress;
    }

    public static JettyApp of(Handler handler) {
        return of(() -> handler);
    }

    /** The handler is made when the server starts, e.g. {@code JettyApp.of(MyHandler::new)}. */
    public static JettyApp of(Supplier<Handler> handler) {
        return new JettyApp(() -> {
            Server server = new Server();
            server.setHandler(handler.get());
            return server;
        }, Optional.empty());
    }

    /**
     * The server the app built (not started), with its handlers, thread pool and settings; its
     * connectors are replaced by RunServerPlus's one, which listens where its first connector did
     * (e.g. {@code new Server(7070)}) when no RunServerPlus setting names an address.
     */
    public static JettyApp of(Server server) {
        return new JettyApp(() -> server, addressOf(server));
    }

    private static Optional<OwnAddress> addressOf(Server server) {
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof NetworkConnector network) {
                return OwnAddress.of(Optional.ofNullable(network.getHost()),
                        network.getPort() > 0 ? OptionalInt.of(network.getPort()) : OptionalInt.empty(),
                        "the Server's connector");
            }
        }
        return Optional.empty();
    }

    /** The server to start: the app's, or a new one around its handler. */
    Server server() {
        return server.get();
    }

    @Override
    public Optional<OwnAddress> ownAddress() {
        return ownAddress;
    }

    @Override
    public String adapterName() {
        return JettyAdapterProvider.NAME;
    }

    static final SupportedVersions SUPPORTED = new SupportedVersions("Jetty", "12.0.0", "org.eclipse.jetty:jetty-bom");

    @Override
    public Optional<String> unsupportedFramework() {
        return SUPPORTED.problemWith(frameworkVersion());
    }

    static String frameworkVersion() {
        return org.eclipse.jetty.util.Jetty.VERSION;
    }

    @Override
    public void warmUp() {
        JettyWarmUp.run();
    }

    @Override
    public ServerStarter serverStarter() {
        return new JettyServerStarter(this);
    }
}
