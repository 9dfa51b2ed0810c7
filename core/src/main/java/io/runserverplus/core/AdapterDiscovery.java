package io.runserverplus.core;

import io.runserverplus.core.settings.SettingsException;
import io.runserverplus.spi.AdapterProvider;
import io.runserverplus.spi.WebApp;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The adapters installed on the class path, found through {@link AdapterProvider}. The app object
 * picks its adapter; discovery is what lets core explain a missing app, a missing framework, or two
 * adapters claiming one name, naming every candidate and the fix, as SLF4J does for its providers.
 */
final class AdapterDiscovery {

    /** Looked up on first use: finding System.Logger's backend scans every jar, which start-up need not pay. */
    private static System.Logger logger() {
        return System.getLogger("runserverplus");
    }

    private final List<AdapterProvider> installed;

    AdapterDiscovery(List<AdapterProvider> installed) {
        this.installed = List.copyOf(installed);
    }

    /** Every adapter registered with ServiceLoader; a broken registration is reported and skipped. */
    static AdapterDiscovery fromClassPath(ClassLoader loader) {
        List<AdapterProvider> found = new ArrayList<>();
        ServiceLoader.load(AdapterProvider.class, loader).stream().forEach(candidate -> {
            try {
                found.add(candidate.get());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError broken) {
                logger().log(System.Logger.Level.WARNING, "Skipping RunServerPlus adapter " + candidate.type().getName()
                        + ": it could not be loaded (" + broken + ").");
            }
        });
        return new AdapterDiscovery(found);
    }

    List<AdapterProvider> installed() {
        return installed;
    }

    /** One sentence for a builder without {@code .app(...)}, naming what is installed. */
    SettingsException noApp() {
        if (installed.isEmpty()) {
            return new SettingsException("No app to serve and no RunServerPlus adapter on the class path; add one of"
                    + " io.runserverplus:runserverplus-adapter-javalin, -helidon or -jetty, then call"
                    + " .app(JavalinApp.of(config -> ...)) or the like.");
        }
        return new SettingsException("No app to serve; call .app(...) with an app of an installed adapter: "
                + installed.stream().map(provider -> provider.usage() + " (" + provider.name() + ")")
                        .collect(Collectors.joining(", ")) + ".");
    }

    /** Checks that exactly one available adapter of the app's name is installed. */
    void checkAdapterOf(WebApp app) {
        List<AdapterProvider> named = installed.stream().filter(provider -> provider.name().equals(app.adapterName())).toList();
        if (named.size() > 1) {
            throw new SettingsException("Several RunServerPlus adapters claim the name '" + app.adapterName() + "': "
                    + named.stream().map(AdapterDiscovery::describe).collect(Collectors.joining(", "))
                    + "; keep one of them on the class path.");
        }
        if (named.size() == 1 && !named.getFirst().isAvailable()) {
            AdapterProvider provider = named.getFirst();
            throw new SettingsException("The " + provider.name() + " adapter is installed but its framework is not on"
                    + " the class path; add the dependency " + provider.frameworkArtifact() + ".");
        }
    }

    private static String describe(AdapterProvider provider) {
        var source = provider.getClass().getProtectionDomain().getCodeSource();
        return provider.getClass().getName() + " from " + (source == null ? "an unknown location" : source.getLocation());
    }
}
