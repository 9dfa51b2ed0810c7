package io.runserverplus.core;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import io.runserverplus.core.console.ConsoleSettings;
import io.runserverplus.core.console.ConsoleSupport;
import io.runserverplus.core.requestlog.RequestLog;
import io.runserverplus.core.security.DebuggerAnnouncement;
import io.runserverplus.core.security.SecuritySettings;
import io.runserverplus.core.server.Banner;
import io.runserverplus.core.server.BrowserOpener;
import io.runserverplus.core.server.ServerAddress;
import io.runserverplus.core.settings.AddressPort;
import io.runserverplus.core.settings.CommandLine;
import io.runserverplus.core.settings.PortInUseException;
import io.runserverplus.core.settings.Settings;
import io.runserverplus.core.settings.SettingsException;
import io.runserverplus.core.settings.SettingsResolver;
import io.runserverplus.core.source.SourceRoots;
import io.runserverplus.core.terminal.OutputCopy;
import io.runserverplus.core.terminal.Terminal;
import io.runserverplus.core.tls.DevelopmentCertificates;
import io.runserverplus.core.tls.TlsMaterial;
import io.runserverplus.core.tls.TlsSettings;
import io.runserverplus.core.traceback.TracebackSettings;
import io.runserverplus.spi.AppServer;
import io.runserverplus.spi.Debugger;
import io.runserverplus.spi.OwnAddress;
import io.runserverplus.spi.RequestLogSink;
import io.runserverplus.spi.ServerSetup;
import io.runserverplus.spi.ServerStarter;
import io.runserverplus.spi.WebApp;
import java.net.BindException;
import java.nio.file.Path;
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
        private final java.util.Map<String, Object> builderSettings = new java.util.HashMap<>();
        private String[] args;
        private final List<String> applicationPackages = new ArrayList<>();
        private final List<Path> sourceRoots = new ArrayList<>();
        private final List<Module> modules = new ArrayList<>();
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
            builderSettings.put(Settings.ADDRPORT.name(), Settings.ADDRPORT.parser().apply(addrPort));
            return this;
        }

        /** Listen on {@code ::1} instead of {@code 127.0.0.1} when the address names only a port. */
        public Builder ipv6(boolean ipv6) {
            builderSettings.put(Settings.IPV6.name(), ipv6);
            return this;
        }

        /**
         * The program's command-line arguments, runserver_plus style; they win over builder calls.
         * Bad arguments then end the program with one sentence on stderr and exit code 2.
         */
        public Builder args(String... args) {
            this.args = args.clone();
            return this;
        }

        /**
         * Whether to run the app under the supervisor, which restarts it in a new JVM when its
         * class files change (the default; {@code --noreload} on the command line turns it off).
         * With the reloader on, {@link #start()} in the first JVM supervises and never returns.
         */
        public Builder useReloader(boolean useReloader) {
            builderSettings.put(Settings.NORELOAD.name(), !useReloader);
            return this;
        }

        /** {@code auto} (default), {@code watch} ({@code watchdog}) or {@code poll} ({@code stat}). */
        public Builder reloaderType(String type) {
            builderSettings.put(Settings.RELOADER_TYPE.name(), Settings.RELOADER_TYPE.parser().apply(type));
            return this;
        }

        /** How often the {@code poll} reloader looks (default 1 second). */
        public Builder reloaderInterval(java.time.Duration interval) {
            builderSettings.put(Settings.RELOADER_INTERVAL.name(), positive(interval, "The reloader interval", 1));
            return this;
        }

        private static java.time.Duration positive(java.time.Duration duration, String what, int exampleSeconds) {
            if (duration.isNegative() || duration.isZero()) {
                throw new SettingsException(what + " must be more than 0 seconds, not " + duration
                        + "; use e.g. Duration.ofSeconds(" + exampleSeconds + ").");
            }
            return duration;
        }

        /** Files and directories whose changes reload the app, besides the class path's directories. */
        public Builder extraFiles(Path... files) {
            builderSettings.put(Settings.EXTRA_FILES.name(), List.of(files));
            return this;
        }

        /** Globs of paths that never reload the app, e.g. {@code **}{@code /generated/**}. */
        public Builder excludePatterns(String... globs) {
            builderSettings.put(Settings.EXCLUDE_PATTERNS.name(), List.of(globs));
            return this;
        }

        /**
         * Directories, relative to the class path's directories, whose changes are served without a
         * restart (the default: {@code public}, {@code static}, {@code resources}, {@code templates},
         * {@code META-INF/resources}); none for a restart on every change.
         */
        public Builder staticLocations(String... directories) {
            builderSettings.put(Settings.STATIC_LOCATIONS.name(), List.of(directories));
            return this;
        }

        /**
         * Serve HTTPS with this certificate file; runserver_plus's rules apply: {@code .crt} is added
         * when the name has no extension, the key defaults to the same name with {@code .key}, and a
         * missing pair is generated (key readable by the owner only) and reused on later starts.
         */
        public Builder certFile(Path certFile) {
            builderSettings.put(Settings.CERT_FILE.name(), certFile.toString());
            return this;
        }

        /** The private key for {@link #certFile(Path)}; its directory defaults to the certificate's. */
        public Builder keyFile(Path keyFile) {
            builderSettings.put(Settings.KEY_FILE.name(), keyFile.toString());
            return this;
        }

        /** Serve HTTPS with a new in-memory certificate at each start (browsers will warn). */
        public Builder adhocCertificate() {
            builderSettings.put(Settings.CERT_FILE.name(), "adhoc");
            return this;
        }

        /**
         * The debugger PIN: digits, with dashes or spaces if you like ({@code "123-456-789"}), or
         * {@code "off"}. Without it a PIN is generated, the same for every start of this project
         * on this machine.
         */
        public Builder pin(String pin) {
            builderSettings.put(Settings.DEBUG_PIN.name(), Settings.DEBUG_PIN.parser().apply(pin));
            return this;
        }

        /** The console without a PIN, as {@code --nopin}: anyone who reaches the port can run code. */
        public Builder noPin() {
            builderSettings.put(Settings.DEBUG_PIN.name(), io.runserverplus.core.settings.DebugPin.disabled());
            return this;
        }

        /**
         * Host names, besides loopback ones and the bind address, that may use the debugger, e.g. the
         * name a tunnel or a container network gives this server; {@code .example.test} trusts its
         * subdomains.
         */
        public Builder trustedHosts(String... hosts) {
            builderSettings.put(Settings.TRUSTED_HOSTS.name(),
                    Settings.TRUSTED_HOSTS.parser().apply(String.join(",", hosts)));
            return this;
        }

        /**
         * Where the standalone console page (a console with {@code app} bound, no traceback needed) is
         * served; {@code /console} by default, {@code off} for none.
         */
        public Builder consolePath(String path) {
            builderSettings.put(Settings.CONSOLE_PATH.name(), Settings.CONSOLE_PATH.parser().apply(path));
            return this;
        }

        /** How long one console evaluation may run before it is stopped (10 s by default). */
        public Builder consoleTimeLimit(java.time.Duration limit) {
            builderSettings.put(Settings.CONSOLE_TIME_LIMIT.name(), positive(limit, "The console's time limit", 10));
            return this;
        }

        /** When the banner is printed: at every start (the default), the first only, always, never. */
        public Builder startupMessages(io.runserverplus.core.settings.StartupMessages when) {
            builderSettings.put(Settings.STARTUP_MESSAGES.name(), when);
            return this;
        }

        /** Open the default browser once the server answers. */
        public Builder openBrowser(boolean open) {
            builderSettings.put(Settings.BROWSER.name(), open);
            return this;
        }

        /** Also write everything printed (the app's output included) to this file. */
        public Builder output(Path file) {
            builderSettings.put(Settings.OUTPUT.name(), file);
            return this;
        }

        /** Packages whose frames count as application code even when they come from a jar. */
        public Builder applicationPackages(String... packages) {
            applicationPackages.addAll(List.of(packages));
            return this;
        }

        /**
         * Extra directories holding application sources, searched before the detected ones
         * ({@code src/main/java} and {@code src/test/java} of the working directory and of each
         * {@code target/classes} project on the class path).
         */
        public Builder sourceRoots(Path... roots) {
            sourceRoots.addAll(List.of(roots));
            return this;
        }

        /** Guice modules whose bindings replace core's or the adapter's, e.g. a different SourceLocator. */
        public Builder modules(Module... overrides) {
            modules.addAll(List.of(overrides));
            return this;
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
                return startServer();
            } catch (SettingsException bad) {
                if (args == null) {
                    throw bad;
                }
                System.err.println(bad.getMessage());
                System.exit(bad instanceof PortInUseException ? 1 : 2);
                throw bad;
            }
        }

        private RunningServer startServer() {
            // Discovery scans every jar of the class path; it is asked only when there is something to explain.
            if (app == null) {
                throw AdapterDiscovery.fromClassPath(RunServerPlus.class.getClassLoader()).noApp();
            }
            app.unsupportedFramework().ifPresent(problem -> {
                throw new SettingsException(problem);
            });
            // Without args, picocli (a few hundred classes) is not even loaded.
            java.util.Map<String, String> given = java.util.Map.of();
            if (args != null) {
                Optional<CommandLine> commandLine = CommandLine.parse(
                        () -> SettingsResolver.forThisProcess(java.util.Map.of(), builderSettings), args);
                if (commandLine.isEmpty()) {
                    System.exit(0); // --help or --version answered
                }
                given = commandLine.get().given();
            }
            SettingsResolver sources = SettingsResolver.forThisProcess(given, builderSettings);
            Optional<OwnAddress> ownAddress = app.ownAddress();
            boolean addressNamed = sources.resolve(Settings.ADDRPORT) != null;
            if (ownAddress.isPresent() && !addressNamed) {
                java.util.Map<String, Object> withOwnAddress = new java.util.HashMap<>(builderSettings);
                withOwnAddress.put(Settings.ADDRPORT.name(), OwnAddressChoice.addrPort(ownAddress.get()));
                sources = SettingsResolver.forThisProcess(given, withOwnAddress);
            }
            Settings settings = Settings.resolve(sources);
            ServerAddress address = settings.address();
            boolean child = Reloading.isChild();
            if (!child) {
                // The supervisor passes its children's output through, so only it copies to the file.
                settings.output().ifPresent(OutputCopy::install);
            }
            Terminal terminal = this.terminal != null ? this.terminal : Terminal.standardOutput();
            if (ownAddress.isPresent() && addressNamed && !child) {
                terminal.println(OwnAddressChoice.warning(ownAddress.get(), address));
            }
            AddressPort.requireResolvable(address);
            if (!child) {
                AddressPort.requirePortFree(address);
            }
            String browsable = (settings.tls().enabled() ? "https" : "http") + "://" + address.browsableHost() + ":"
                    + address.port();
            if (settings.useReloader()) {
                Reloading.superviseUnlessChild(settings, args == null ? List.of() : List.of(args), () -> {
                    if (settings.openBrowser() && address.port() != 0) {
                        BrowserOpener.openWhenServing(browsable, terminal::println);
                    }
                });
            }
            boolean showBanner = settings.startupMessages().showAtStart(Reloading.startIndex());
            // Guice and the framework each load hundreds of classes; on two cores they can do it at once.
            Thread.ofPlatform().daemon().name("runserverplus-warm-up").start(app::warmUp);
            TracebackSettings tracebackSettings = new TracebackSettings(applicationPackages,
                    SourceRoots.detect(sourceRoots, Path.of("").toAbsolutePath(), System.getProperty("java.class.path", "")),
                    TracebackSettings.DEFAULT_CONTEXT_LINES);
            quietGuice();
            SecuritySettings securitySettings = new SecuritySettings(settings.debugPin(), settings.trustedHosts(),
                    address.host(), MainClass.ofThisProgram(), app.getClass().getName());
            CoreModule core = new CoreModule(tracebackSettings, terminal, securitySettings,
                    new ConsoleSettings(settings.consolePath(), settings.consoleTimeLimit()));
            Injector injector = Guice.createInjector(modules.isEmpty() ? Modules.combine(core, new AdapterPortModule(app))
                    : Modules.override(core, new AdapterPortModule(app)).with(modules));
            RunningServer server;
            try {
                server = serve(injector, address, settings.tls(), showBanner);
            } catch (RuntimeException | LinkageError failure) {
                // A framework missing from the class path, or two adapters of one name, explain
                // a failed start better than its stack trace does.
                AdapterDiscovery.fromClassPath(RunServerPlus.class.getClassLoader()).checkAdapterOf(app);
                throw failure;
            }
            if (settings.openBrowser() && !child) {
                BrowserOpener.openWhenServing(server.url().replace(address.urlHost(), address.browsableHost()),
                        terminal::println);
            }
            return server;
        }

        /**
         * Guice's bytecode generation (only needed for AOP, which we do not use) reaches for
         * sun.misc.Unsafe and makes JDK 24+ print a deprecation warning at every start; reflection
         * does the same job here. A value the user set wins.
         */
        private static void quietGuice() {
            if (System.getProperty("guice_bytecode_gen_option") == null) {
                System.setProperty("guice_bytecode_gen_option", "DISABLED");
            }
        }

        private static RunningServer serve(Injector injector, ServerAddress address, TlsSettings tlsSettings,
                                           boolean showBanner) {
            Optional<TlsMaterial> tls = tlsSettings.enabled()
                    ? Optional.of(DevelopmentCertificates.resolve(tlsSettings, address.host()))
                    : Optional.empty();
            RequestLog requestLog = injector.getInstance(RequestLog.class);
            AppServer server;
            try {
                server = injector.getInstance(ServerStarter.class).start(new ServerSetup(address.host(), address.port(),
                        tls.map(TlsMaterial::sslContext), injector.getInstance(Debugger.class),
                        injector.getInstance(RequestLogSink.class)));
            } catch (Exception failure) {
                requestLog.close();
                if (causedBy(failure, BindException.class)) {
                    throw new PortInUseException(address.port());
                }
                // In the app's words: most failures here are the app's (a route the framework
                // rejects, a bad setting), and naming the address made them read like a port problem.
                throw new IllegalStateException("The app failed to start: " + inItsOwnWords(failure), failure);
            }
            ServerAddress bound = new ServerAddress(address.host(), server.port());
            String scheme = tls.isPresent() ? "https" : "http";
            if (showBanner) {
                injector.getInstance(Banner.class).print(scheme, bound, tls);
            }
            injector.getInstance(DebuggerAnnouncement.class).print();
            ConsoleSupport console = injector.getInstance(ConsoleSupport.class);
            console.serverStarted(server.application());
            Reloading.serving();
            return new DevelopmentServer(server, requestLog, console, scheme + "://" + bound.urlHost() + ":" + bound.port());
        }

        /** The innermost message of the failure, with its type when the message says nothing by itself. */
        private static String inItsOwnWords(Throwable failure) {
            Throwable innermost = failure;
            while (innermost.getCause() != null && innermost.getCause() != innermost) {
                innermost = innermost.getCause();
            }
            String message = innermost.getMessage();
            return message == null || message.isBlank() ? innermost.getClass().getName()
                    : innermost.getClass().getSimpleName() + ": " + message;
        }

        private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            return false;
        }
    }
}
