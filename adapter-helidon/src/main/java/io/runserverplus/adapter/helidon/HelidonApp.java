package io.runserverplus.adapter.helidon;

import io.helidon.webserver.http.HttpRouting;
import io.runserverplus.adapter.helidon.discovery.HelidonAdapterProvider;
import io.runserverplus.spi.ServerStarter;
import io.runserverplus.spi.SupportedVersions;
import io.runserverplus.spi.WebApp;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A Helidon SE 4 application for RunServerPlus: the routing you would give
 * {@code WebServer.builder().routing(...)}, e.g. {@code HelidonApp.of(routing -> routing.get("/", ...))}.
 */
public final class HelidonApp implements WebApp {

    private final Consumer<HttpRouting.Builder> routing;

    private HelidonApp(Consumer<HttpRouting.Builder> routing) {
        this.routing = routing;
    }

    public static HelidonApp of(Consumer<HttpRouting.Builder> routing) {
        return new HelidonApp(routing);
    }

    Consumer<HttpRouting.Builder> routing() {
        return routing;
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
        // Builders only: building or starting a WebServer would have effects.
        io.helidon.webserver.http.HttpRouting.builder().get("/", (request, response) -> response.send());
        io.helidon.webserver.WebServer.builder().host("127.0.0.1").port(0);
    }

    @Override
    public ServerStarter serverStarter() {
        return new HelidonServerStarter(this);
    }
}
