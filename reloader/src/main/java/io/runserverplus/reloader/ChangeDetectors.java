package io.runserverplus.reloader;

import io.runserverplus.spi.ChangeDetector;
import io.runserverplus.spi.ChangeDetectorProvider;
import io.runserverplus.spi.WatchRequest;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** Finds the installed {@link ChangeDetectorProvider}s and picks one by reloader type. */
public final class ChangeDetectors {

    /** The type that picks the available provider with the highest priority. */
    public static final String AUTO = "auto";

    private ChangeDetectors() {
    }

    /**
     * The provider for a reloader type: {@code auto} (also for null or blank), a provider's name or
     * alias ({@code watch}/{@code watchdog}, {@code poll}/{@code stat}, or a third party's).
     *
     * @throws ReloaderException if no installed provider has that name, or it is not available here
     */
    public static ChangeDetectorProvider select(String type) {
        return select(type, installed());
    }

    /** Creates (but does not start) a detector of the given type. */
    public static ChangeDetector create(String type, WatchRequest request, ChangeDetector.Listener listener) {
        return select(type).create(request, listener);
    }

    /** The providers on the class path or module path, highest priority first; broken ones skipped. */
    public static List<ChangeDetectorProvider> installed() {
        return load(ChangeDetectors.class.getClassLoader(), System.err);
    }

    static List<ChangeDetectorProvider> load(ClassLoader loader, PrintStream err) {
        var found = new ArrayList<ChangeDetectorProvider>();
        Iterator<ChangeDetectorProvider> it = ServiceLoader.load(ChangeDetectorProvider.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                // One broken provider must not take the reloader down: report it and use the others.
                err.println(" * Reloader: skipping a change detector provider that failed to load: "
                        + e.getMessage());
            }
        }
        found.sort(Comparator.comparingInt(ChangeDetectorProvider::priority).reversed()
                .thenComparing(ChangeDetectorProvider::name));
        return List.copyOf(found);
    }

    static ChangeDetectorProvider select(String type, List<ChangeDetectorProvider> providers) {
        String wanted = type == null || type.isBlank() ? AUTO : type.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals(AUTO)) {
            return providers.stream()
                    .filter(ChangeDetectorProvider::isAvailable)
                    .max(Comparator.comparingInt(ChangeDetectorProvider::priority))
                    .orElseThrow(() -> new ReloaderException("No change detector is available for reloader type"
                            + " 'auto'; installed types are " + names(providers) + "."));
        }
        for (ChangeDetectorProvider p : providers) {
            if (p.name().equalsIgnoreCase(wanted) || p.aliases().contains(wanted)) {
                if (!p.isAvailable()) {
                    throw new ReloaderException("Reloader type '" + type.strip() + "' is installed but does not"
                            + " work on this platform; use 'auto' or one of " + names(providers) + ".");
                }
                return p;
            }
        }
        throw new ReloaderException("Unknown reloader type '" + type.strip() + "'; installed types are "
                + names(providers) + ".");
    }

    /** E.g. {@code auto, poll (stat), watch (watchdog)}. */
    private static String names(List<ChangeDetectorProvider> providers) {
        var names = new TreeSet<String>();
        names.add(AUTO);
        for (ChangeDetectorProvider p : providers) {
            names.add(p.aliases().isEmpty() ? p.name()
                    : p.name() + " (" + String.join(", ", new TreeSet<>(p.aliases())) + ")");
        }
        return String.join(", ", names);
    }
}
