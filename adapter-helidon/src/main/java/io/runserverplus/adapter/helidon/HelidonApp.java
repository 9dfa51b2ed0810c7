package io.runserverplus.adapter.helidon;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.runserverplus.adapter.helidon.discovery.HelidonAdapterProvider;
import io.runserverplus.spi.OwnAddress;
import io.runserverplus.spi.ServerStarter;
import io.runserverplus.spi.SupportedVersions;
import io.runserverplus.spi.WebApp;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A Helidon SE 4 application for RunServerPlus: the routing you would give
 * {@code WebServer.builder().routing(...)}, e.g. {@code HelidonApp.of(routing -> routing.get("/", ...))}.
 */
public final class HelidonApp implements WebApp {

    /** The server's configuration, before RunServerPlus sets the address, HTTPS and the routing. */
    private final Supplier<WebServerConfig.Builder> server;
    private final Consumer<HttpRouting.Builder> routing;

    private HelidonApp(Supplier<WebServerConfig.Builder> server, Consumer<HttpRouting.Builder> routing) {
        this.server = server;
        this.routing = routing;
    }

    public static HelidonApp of(Consumer<HttpRouting.Builder> routing) {
        return new HelidonApp(WebServer::builder, routing);
    }

    /**
     * The app's own server configuration (features such as health or metrics, media support,
     * limits) and its routing, e.g. {@code HelidonApp.of(WebServer.builder().addFeature(...), routing -> ...)}.
     * Its port and host are used when no RunServerPlus setting names an address; RunServerPlus sets
     * the routing and, when it serves HTTPS, the TLS.
     */
    public static HelidonApp of(WebServerConfig.Builder server, Consumer<HttpRouting.Builder> routing) {
        return new HelidonApp(() -> server, routing);
    }

    /** The server's configuration from Helidon config, e.g. {@code HelidonApp.of(config.get("server"), routing -> ...)}. */
    public static HelidonApp of(io.helidon.common.config.Config server, Consumer<HttpRouting.Builder> routing) {
        return new HelidonApp(() -> WebServer.builder().config(server), routing);
    }

    WebServerConfig.Builder server() {
        return server.get();
    }

    Consumer<HttpRouting.Builder> routing() {
        return routing;
    }

    /** The port and host of the app's server configuration, where they differ from Helidon's defaults. */
    @Override
    public Optional<OwnAddress> ownAddress() {
        WebServerConfig.Builder defaults = WebServer.builder();
        WebServerConfig.Builder server = server();
        Optional<String> host = Optional.ofNullable(server.host()).filter(set -> !set.equals(defaults.host()));
        OptionalInt port = server.port() != defaults.port() ? OptionalInt.of(server.port()) : OptionalInt.empty();
        return OwnAddress.of(host, port, "the app's WebServerConfig");
    }

    @Override
    public String adapterName() {
        return HelidonAdapterProvider.NAME;
    }

    /** Helidon 4.2 and older do not report a failure after the response was committed. */
    static final SupportedVersions SUPPORTED = new SupportedVersions("Helidon", "4.3.0", "io.helidon:helidon-bom");

    @Override
    public Optional<String> unsupportedFramework() {
        return SUPPORTED.problemWith(frameworkVersion());
    }

    /** Read when the program runs: the constant would be copied into this class when it is compiled. */
    static String frameworkVersion() {
        try {
            return (String) io.helidon.common.Version.class.getField("VERSION").get(null);
        } catch (ReflectiveOperationException | ClassCastException unknown) {
            return null;
        }
    }

    @Override
    public void warmUp() {
        // Builders and a configuration only: building or starting a WebServer would have effects.
        // The configuration (listener, protocols, routing) is most of what start() then spends in
        // Helidon before it binds; the features are not discovered, as a feature the app brings
        // (observe, security, ...) may set itself up when it is made.
        io.helidon.webserver.http.HttpRouting.builder().get("/", (request, response) -> response.send());
        WebServer.builder().host("127.0.0.1").port(0).featuresDiscoverServices(false)
                .routing(routing -> routing.error(Throwable.class, (request, response, failure) -> response.send())
                        .get("/", (request, response) -> response.send()))
                .buildPrototype();
    }

    @Override
    public ServerStarter serverStarter() {
        return new HelidonServerStarter(this);
    }
}
