package io.runserverplus.spi;

import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * What the supervisor needs to start the app again in a child JVM.
 *
 * @param mainClass    the class whose {@code main} started this JVM
 * @param args         its arguments, passed on unchanged
 * @param jvmOptions   extra options for the child, e.g. a {@code -javaagent} a provider contributes
 * @param host         the address the app listens on, for the failure page; null when no setting names
 *                     one, so the app's own settings decide, in the first child
 *                     ({@link ReloaderProvider#OWN_ADDRESS_FILE})
 * @param port         the app's port, where the failure page is served while the app is down; 0 for
 *                     none yet (port 0, or the app's own settings decide)
 * @param reloaderType {@code auto}, {@code watch}, {@code poll}, an alias or a third-party name
 * @param watch        what to watch
 * @param environment  extra environment variables for every child, e.g. a key they must share; their
 *                     values are never shown on the failure page
 * @param trustedHost  whether a request's {@code Host} header (the raw value, first) may see why the
 *                     app is down on the failure page served on a host (second): the debugger's own
 *                     rule, so a DNS-rebinding page or another machine gets a bare 503
 * @param staticLocations directories, relative to each watched directory ({@code public},
 *                     {@code META-INF/resources}), whose changes are served by the running app
 *                     without a restart
 * @param hotswap      whether a change to method bodies only is redefined in the running app rather than restarting it
 */
public record SupervisedApp(String mainClass, List<String> args, List<String> jvmOptions, String host, int port,
                            String reloaderType, WatchRequest watch, java.util.Map<String, String> environment,
                            BiPredicate<String, String> trustedHost, List<String> staticLocations,
                            boolean hotswap) {

    public SupervisedApp {
        args = List.copyOf(args);
        jvmOptions = List.copyOf(jvmOptions);
        environment = java.util.Map.copyOf(environment);
        Objects.requireNonNull(trustedHost, "trustedHost");
        staticLocations = List.copyOf(staticLocations);
    }

    /** Without hot swap, as before {@code --hotswap} existed. */
    public SupervisedApp(String mainClass, List<String> args, List<String> jvmOptions, String host, int port,
                         String reloaderType, WatchRequest watch, java.util.Map<String, String> environment,
                         BiPredicate<String, String> trustedHost, List<String> staticLocations) {
        this(mainClass, args, jvmOptions, host, port, reloaderType, watch, environment, trustedHost, staticLocations,
                false);
    }
}
