package io.runserverplus.core;

import com.google.inject.Module;
import io.runserverplus.spi.WebApp;
import io.runserverplus.core.terminal.Terminal;
import io.runserverplus.core.settings.BuilderSettings;
import io.runserverplus.core.settings.DebugPin;
import io.runserverplus.core.settings.PortInUseException;
import io.runserverplus.core.settings.Settings;
import io.runserverplus.core.settings.SettingsException;
import io.runserverplus.core.settings.StartupMessages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The entry point:
 * {@code RunServerPlus.builder().app(JavalinApp.of(config -> ...)).args(args).start()}.
 */
public final class RunServerPlus {

    private RunServerPlus() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the app and settings; {@link #start()} serves it. */
    public static final class Builder {
        private WebApp app;
        private final BuilderSettings given = BuilderSettings.none();
        private List<String> args;
        private List<String> applicationPackages = List.of();
        private List<Path> sourceRoots = List.of();
        private List<Module> modules = List.of();
        private Terminal terminal;

        private Builder() {
        }

        /** The app to serve, made by an adapter, e.g. {@code JavalinApp.of(config -> ...)}. */
        public Builder app(WebApp app) {
            this.app = app;
            return this;
        }

        /** Where to listen, as on the command line: {@code 8000}, {@code 0.0.0.0:8000}, {@code [::1]:0}. */
        public Builder addrPort(String addrPort) {
            given.addrPort(Settings.ADDRPORT.parser().apply(addrPort));
            return this;
        }

        /** Listen on {@code ::1} instead of {@code 127.0.0.1} when the address names only a port. */
        public Builder ipv6(boolean ipv6) {
            given.ipv6(ipv6);
            return this;
        }

        /**
         * The program's command-line arguments, runserver_plus style; they win over builder calls.
         * Bad arguments then end the program with one sentence on stderr and exit code 2.
         */
        public Builder args(String... args) {
            this.args = List.of(args);
            return this;
        }

        /**
         * Whether to run the app under the supervisor, which restarts it in a new JVM when its
         * class files change (the default; {@code --noreload} on the command line turns it off).
         * With the reloader on, {@link #start()} in the first JVM supervises and never returns.
         */
        public Builder useReloader(boolean useReloader) {
            given.noReload(!useReloader);
            return this;
        }

        /** {@code auto} (default), {@code watch} ({@code watchdog}) or {@code poll} ({@code stat}). */
        public Builder reloaderType(String type) {
            given.reloaderType(Settings.RELOADER_TYPE.parser().apply(type));
            return this;
        }

        /** How often the {@code poll} reloader looks (default 1 second). */
        public Builder reloaderInterval(Duration interval) {
            given.reloaderInterval(positive(interval, "The reloader interval", 1));
            return this;
        }

        private static Duration positive(Duration duration, String what, int exampleSeconds) {
            if (duration.isNegative() || duration.isZero()) {
                throw new SettingsException(what + " must be more than 0 seconds, not " + duration
                        + "; use e.g. Duration.ofSeconds(" + exampleSeconds + ").");
            }
            return duration;
        }

        /** Files and directories whose changes reload the app, besides the class path's directories; replaces earlier ones. */
        public Builder extraFiles(Path... files) {
            given.extraFiles(List.of(files));
            return this;
        }

        /** One more file or directory for {@link #extraFiles(Path...)}. */
        public Builder addExtraFile(Path file) {
            given.extraFiles(plus(given.extraFiles(), file));
            return this;
        }

        /** Globs of paths that never reload the app, e.g. {@code **}{@code /generated/**}. */
        public Builder excludePatterns(String... globs) {
            given.excludePatterns(List.of(globs));
            return this;
        }

        /** One more glob for {@link #excludePatterns(String...)}. */
        public Builder addExcludePattern(String glob) {
            given.excludePatterns(plus(given.excludePatterns(), glob));
            return this;
        }

        /**
         * Directories, relative to the class path's directories, whose changes are served without a
         * restart (the default: {@code public}, {@code static}, {@code resources}, {@code templates},
         * {@code META-INF/resources}); none for a restart on every change.
         */
        public Builder staticLocations(String... directories) {
            given.staticLocations(List.of(directories));
            return this;
        }

        /**
         * One more directory for {@link #staticLocations(String...)}; without an earlier call the list
         * starts empty, not from the defaults.
         */
        public Builder addStaticLocation(String directory) {
            given.staticLocations(plus(given.staticLocations(), directory));
            return this;
        }

        /**
         * {@code --live-reload}: the app's HTML pages get a script that refreshes them after each
         * reload, and after a static file change served without one. Off by default.
         */
        public Builder liveReload(boolean liveReload) {
            given.liveReload(liveReload);
            return this;
        }

        /**
         * Serve HTTPS with this certificate file; runserver_plus's rules apply: {@code .crt} is added
         * when the name has no extension, the key defaults to the same name with {@code .key}, and a
         * missing pair is generated (key readable by the owner only) and reused on later starts.
         */
        public Builder certFile(Path certFile) {
            given.certFile(certFile.toString());
            return this;
        }

        /** The private key for {@link #certFile(Path)}; its directory defaults to the certificate's. */
        public Builder keyFile(Path keyFile) {
            given.keyFile(keyFile.toString());
            return this;
        }

        /** Serve HTTPS with a new in-memory certificate at each start (browsers will warn). */
        public Builder adhocCertificate() {
            given.certFile("adhoc");
            return this;
        }

        /**
         * The debugger PIN: digits, with dashes or spaces if you like ({@code "123-456-789"}), or
         * {@code "off"}. Without it a PIN is generated, the same for every start of this project
         * on this machine.
         */
        public Builder pin(String pin) {
            given.debugPin(Settings.DEBUG_PIN.parser().apply(pin));
            return this;
        }

        /** The console without a PIN, as {@code --nopin}: anyone who reaches the port can run code. */
        public Builder noPin() {
            given.debugPin(DebugPin.disabled());
            return this;
        }

        /**
         * Host names, besides loopback ones and the bind address, that may use the debugger, e.g. the
         * name a tunnel or a container network gives this server; {@code .example.test} trusts its
         * subdomains.
         */
        public Builder trustedHosts(String... hosts) {
            given.trustedHosts(Settings.TRUSTED_HOSTS.parser().apply(String.join(",", hosts)));
            return this;
        }

        /** One more host for {@link #trustedHosts(String...)}. */
        public Builder addTrustedHost(String host) {
            List<String> hosts = new ArrayList<>(given.trustedHosts().orElse(List.of()));
            hosts.addAll(Settings.TRUSTED_HOSTS.parser().apply(host)); // checked as trustedHosts(..) checks them
            given.trustedHosts(hosts);
            return this;
        }

        /**
         * Where the standalone console page (a console with {@code app} bound, no traceback needed) is
         * served; {@code /console} by default, {@code off} for none.
         */
        public Builder consolePath(String path) {
            given.consolePath(Settings.CONSOLE_PATH.parser().apply(path));
            return this;
        }

        /** How long one console evaluation may run before it is stopped (10 s by default). */
        public Builder consoleTimeLimit(Duration limit) {
            given.consoleTimeLimit(positive(limit, "The console's time limit", 10));
            return this;
        }

        /** When the banner is printed: at every start (the default), the first only, always, never. */
        public Builder startupMessages(StartupMessages when) {
            given.startupMessages(when);
            return this;
        }

        /**
         * When a change alters method bodies only, redefine the changed classes in the running app
         * instead of restarting it, as {@code --hotswap}; anything else still restarts.
         */
        public Builder hotswap(boolean hotswap) {
            given.hotswap(hotswap);
            return this;
        }

        /** Open the default browser once the server answers. */
        public Builder openBrowser(boolean open) {
            given.browser(open);
            return this;
        }

        /** Also write everything printed (the app's output included) to this file. */
        public Builder output(Path file) {
            given.output(file);
            return this;
        }

        /** Packages whose frames count as application code even when they come from a jar. */
        public Builder applicationPackages(String... packages) {
            applicationPackages = List.of(packages);
            return this;
        }

        /** One more package for {@link #applicationPackages(String...)}. */
        public Builder addApplicationPackage(String applicationPackage) {
            applicationPackages = plus(Optional.of(applicationPackages), applicationPackage);
            return this;
        }

        /**
         * Extra directories holding application sources, searched before the detected ones
         * ({@code src/main/java} and {@code src/test/java} of the working directory and of each
         * {@code target/classes} project on the class path).
         */
        public Builder sourceRoots(Path... roots) {
            sourceRoots = List.of(roots);
            return this;
        }

        /** One more directory for {@link #sourceRoots(Path...)}. */
        public Builder addSourceRoot(Path root) {
            sourceRoots = plus(Optional.of(sourceRoots), root);
            return this;
        }

        /** Guice modules whose bindings replace core's or the adapter's, e.g. a different SourceLocator. */
        public Builder modules(Module... overrides) {
            modules = List.of(overrides);
            return this;
        }

        /** One more module for {@link #modules(Module...)}. */
        public Builder addModule(Module override) {
            modules = plus(Optional.of(modules), override);
            return this;
        }

        /** The list so far (none when it was never given) and one more value. */
        private static <T> List<T> plus(Optional<List<T>> list, T value) {
            List<T> longer = new ArrayList<>(list.orElse(List.of()));
            longer.add(java.util.Objects.requireNonNull(value));
            return List.copyOf(longer);
        }

        /** Where the banner and request lines go (standard output by default). */
        public Builder terminal(Terminal terminal) {
            this.terminal = terminal;
            return this;
        }

        /**
         * Starts the server and returns once it accepts connections.
         *
         * @throws SettingsException when a setting is unusable (unless {@link #args} was given,
         *                           in which case the program exits with code 2)
         */
        public RunningServer start() {
            try {
                return startSequence().run();
            } catch (SettingsException bad) {
                if (args == null) {
                    throw bad;
                }
                System.err.println(bad.getMessage());
                System.exit(bad instanceof PortInUseException ? 1 : 2);
                throw bad;
            }
        }

        /** What {@link #start()} runs: the values given so far, fixed. */
        StartSequence startSequence() {
            return new StartSequence(app, Optional.ofNullable(args), given, applicationPackages, sourceRoots, modules,
                    terminal);
        }
    }
}
