package io.runserverplus.adapter.javalin;

import io.javalin.config.JavalinConfig;
import io.runserverplus.adapter.javalin.discovery.JavalinAdapterProvider;
import io.runserverplus.jetty.support.JettyWarmUp;
import io.runserverplus.spi.OwnAddress;
import io.runserverplus.spi.ServerStarter;
import io.runserverplus.spi.SupportedVersions;
import io.runserverplus.spi.WebApp;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A Javalin 7 application for RunServerPlus: the same {@code Consumer<JavalinConfig>} you would pass
 * to {@code Javalin.create}, e.g. {@code JavalinApp.of(config -> config.routes.get("/", ctx -> ...))}.
 */
public final class JavalinApp implements WebApp {

    private final Consumer<JavalinConfig> configuration;

    private JavalinApp(Consumer<JavalinConfig> configuration) {
        this.configuration = configuration;
    }

    public static JavalinApp of(Consumer<JavalinConfig> configuration) {
        return new JavalinApp(configuration);
    }

    Consumer<JavalinConfig> configuration() {
        return configuration;
    }

    @Override
    public String adapterName() {
        return JavalinAdapterProvider.NAME;
    }

    static final SupportedVersions SUPPORTED = new SupportedVersions("Javalin", "7.0.0", "io.javalin:javalin");

    @Override
    public Optional<String> unsupportedFramework() {
        return SUPPORTED.problemWith(frameworkVersion());
    }

    /** From the jar's Maven metadata, where Javalin itself reads it; null in a jar without it. */
    static String frameworkVersion() {
        try (java.io.InputStream in = io.javalin.Javalin.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/io.javalin/javalin/pom.properties")) {
            if (in == null) {
                return null;
            }
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (java.io.IOException unreadable) {
            return null;
        }
    }

    /**
     * {@code config.jetty.port} and {@code config.jetty.host}, read by running the app's function once
     * more on a Javalin that is never started (it loads the classes the warm-up would). A port equal
     * to Javalin's default (8080) reads as not set.
     */
    @Override
    public Optional<OwnAddress> ownAddress() {
        JavalinConfig[] seen = new JavalinConfig[1];
        int[] defaultPort = new int[1];
        try {
            io.javalin.Javalin.create(config -> {
                config.startup.startupWatcherEnabled = false;
                defaultPort[0] = config.jetty.port;
                configuration.accept(config);
                config.startup.startupWatcherEnabled = false; // never started, and never to be warned about
                seen[0] = config;
            });
        } catch (RuntimeException | LinkageError rejected) {
            // A configuration Javalin rejects: the start reports it in Javalin's words.
            return Optional.empty();
        }
        if (seen[0] == null) {
            return Optional.empty();
        }
        Optional<String> host = Optional.ofNullable(seen[0].jetty.host);
        OptionalInt port = seen[0].jetty.port != defaultPort[0] ? OptionalInt.of(seen[0].jetty.port) : OptionalInt.empty();
        String setting = host.isPresent() && port.isPresent() ? "config.jetty.host and config.jetty.port"
                : host.isPresent() ? "config.jetty.host" : "config.jetty.port";
        return OwnAddress.of(host, port, setting);
    }

    @Override
    public void warmUp() {
        // A Javalin that is never started: its configuration and routing classes, Kotlin's runtime.
        // Its start-up watcher would say "you never started it" 5 s later.
        io.javalin.Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
        });
        JettyWarmUp.run();
    }

    @Override
    public ServerStarter serverStarter() {
        return new JavalinServerStarter(this);
    }
}
