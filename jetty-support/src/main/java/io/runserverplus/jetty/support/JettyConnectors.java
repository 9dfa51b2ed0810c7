package io.runserverplus.jetty.support;

import io.runserverplus.spi.ServerSetup;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** The one connector a development server listens on, HTTP or HTTPS; shared with the Javalin adapter. */
public final class JettyConnectors {
    private JettyConnectors() {
    }

    public static ServerConnector create(Server server, HttpConfiguration http, ServerSetup setup) {
        ServerConnector connector = setup.tls().map(context -> {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(context);
            // A development certificate names localhost and loopback addresses; requests by any
            // other host name the developer uses must not be refused on SNI grounds.
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            return new ServerConnector(server, ssl, new HttpConnectionFactory(http));
        }).orElseGet(() -> new ServerConnector(server, new HttpConnectionFactory(http)));
        connector.setHost(setup.host());
        connector.setPort(setup.port());
        return connector;
    }
}
