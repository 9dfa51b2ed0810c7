package io.runserverplus.adapter.jetty;

import io.runserverplus.adapter.jetty.discovery.JettyAdapterProvider;
import io.runserverplus.jetty.support.JettyWarmUp;
import io.runserverplus.spi.ServerStarter;
import io.runserverplus.spi.SupportedVersions;
import io.runserverplus.spi.WebApp;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;

/**
 * A Jetty 12 application for RunServerPlus: the core {@link Handler} you would give
 * {@code Server.setHandler}, e.g. {@code JettyApp.of(new MyHandler())}.
 */
public final class JettyApp implements WebApp {

    private final Supplier<Handler> handler;

    private JettyApp(Supplier<Handler> handler) {
        this.handler = handler;
    }

    public static JettyApp of(Handler handler) {
        return new JettyApp(() -> handler);
    }

    /** The handler is made when the server starts, e.g. {@code JettyApp.of(MyHandler::new)}. */
    public static JettyApp of(Supplier<Handler> handler) {
        return new JettyApp(handler);
    }

    Handler handler() {
        return handler.get();
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
