package io.runserverplus.core;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import io.runserverplus.core.console.ConsoleSettings;
import io.runserverplus.core.console.ConsoleSupport;
import io.runserverplus.core.security.DebuggerAnnouncement;
import io.runserverplus.core.security.SecuritySettings;
import io.runserverplus.core.requestlog.RequestLog;
import io.runserverplus.core.server.Banner;
import io.runserverplus.core.server.BrowserOpener;
import io.runserverplus.core.server.ServerAddress;
import io.runserverplus.core.settings.BuilderSettings;
import io.runserverplus.core.settings.CommandLine;
import io.runserverplus.core.settings.PortInUseException;
import io.runserverplus.core.settings.Settings;
import io.runserverplus.core.settings.SettingsException;
import io.runserverplus.core.settings.SettingsResolver;
import io.runserverplus.core.settings.TlsSettings;
import io.runserverplus.core.source.SourceRoots;
import io.runserverplus.core.terminal.OutputCopy;
import io.runserverplus.core.terminal.Terminal;
import io.runserverplus.core.tls.DevelopmentCertificates;
import io.runserverplus.core.tls.TlsMaterial;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code start()} does with the builder's values: resolve the settings (command line,
 * builder, system properties, environment, defaults), hand over to the supervisor when the reloader
 * is on, then build the injector, start the adapter's server with TLS if asked, print the banner
 * and the PIN, and tell the supervisor the app serves.
 *
 * @param app                 the app to serve; {@code null} when the builder was given none
 * @param args                the program's arguments, when {@code args(..)} was called
 * @param given               the builder's typed settings (a copy: later builder calls do not change it)
 * @param applicationPackages packages whose frames count as application code
 * @param sourceRoots         directories searched for sources before the detected ones
 * @param modules             the user's Guice modules, whose bindings replace core's and the adapter's
 * @param terminal            where the banner and request lines go; {@code null} for standard output
 */
record StartSequence(WebApp app, Optional<List<String>> args, BuilderSettings given, List<String> applicationPackages,
                     List<Path> sourceRoots, List<Module> modules, Terminal terminal) {

    StartSequence {
        given = given.copy();
        applicationPackages = List.copyOf(applicationPackages);
        sourceRoots = List.copyOf(sourceRoots);
        modules = List.copyOf(modules);
    }

    /** Starts the server and returns once it accepts connections; a bad setting is a {@link SettingsException}. */
    RunningServer run() {
        // Discovery scans every jar of the class path; it is asked only when there is something to explain.
        if (app == null) {
            throw AdapterDiscovery.fromClassPath(RunServerPlus.class.getClassLoader()).noApp();
        }
        app.unsupportedFramework().ifPresent(problem -> {
            throw new SettingsException(problem);
        });
        // A child serves where its supervisor says: the address a setting named, or the one the
        // first child chose with the app's own settings, and after port 0 the port the first child
        // got, so a reload keeps the browser's URL. Asking the app again would run the framework's
        // configuration once more before it serves (Javalin's: about 150 ms of every reload).
        Optional<String> supervisorAddress = Reloading.addressFromSupervisor();
        boolean child = Reloading.isChild();
        Map<String, String> commandLine = commandLine();
        BuilderSettings sources = given;
        if (supervisorAddress.isPresent()) {
            commandLine = new java.util.HashMap<>(commandLine);
            commandLine.remove(Settings.ADDRPORT.name());
            sources = given.copy().addrPort(supervisorAddress.get());
        }
        SettingsResolver resolver = SettingsResolver.forThisProcess(commandLine, sources);
        boolean addressNamed = resolver.resolve(Settings.ADDRPORT) != null;
        // Nor does the supervisor ask the app: that runs the framework's configuration (Javalin's
        // loads Javalin, Jetty and Kotlin), whose classes would stay in its memory for good. The
        // first child asks: to choose the address when no setting names one (it then says what it
        // chose, or why it cannot serve there), else for the warning. It asks before it serves,
        // as serving sets the address on the app's own server configuration (Helidon's builder).
        boolean supervising = !child && !resolver.resolve(Settings.NORELOAD) && Reloading.canSupervise();
        boolean firstChild = child && Reloading.startIndex() == 0;
        Optional<OwnAddress> ownAddress = supervising || (supervisorAddress.isPresent() && !firstChild)
                ? Optional.empty() : app.ownAddress();
        Settings settings = ownAddress.isPresent() && !addressNamed
                ? Settings.resolve(SettingsResolver.forThisProcess(commandLine,
                        sources.copy().addrPort(OwnAddressChoice.addrPort(ownAddress.get()))))
                : Settings.resolve(resolver);
        ServerAddress address = new ServerAddress(settings.address().host(), settings.address().port());
        if (!child) {
            // The supervisor passes its children's output through, so only it copies to the file.
            settings.output().ifPresent(OutputCopy::install);
        }
        Terminal terminal = this.terminal != null ? this.terminal : Terminal.standardOutput();
        if (ownAddress.isPresent() && addressNamed && (!child || firstChild)) {
            terminal.println(OwnAddressChoice.warning(ownAddress.get(), address));
        }
        // The JVM that chooses the address checks it: without a supervisor, the supervisor for an
        // address a setting names, the first child for the app's own.
        boolean choosesAddress = child ? supervisorAddress.isEmpty() : !(supervising && !addressNamed);
        if (choosesAddress) {
            settings.address().requireResolvable();
            settings.address().requirePortFree();
        }
        if (child && supervisorAddress.isEmpty()) {
            Reloading.choseAddress(address.host(), address.port());
        }
        String browsable = (settings.tls().enabled() ? "https" : "http") + "://" + address.browsableHost() + ":"
                + address.port();
        if (settings.useReloader()) {
            Reloading.superviseUnlessChild(settings, addressNamed, args.orElse(List.of()), commandLine, () -> {
                if (settings.openBrowser() && addressNamed && address.port() != 0) {
                    BrowserOpener.openWhenServing(browsable, terminal::println);
                }
            });
        }
        boolean showBanner = settings.startupMessages().showAtStart(Reloading.startIndex());
        // Guice and the framework each load hundreds of classes; on two cores they can do it at once.
        Thread.ofPlatform().daemon().name("runserverplus-warm-up").start(() -> {
            try {
                app.warmUp();
            } catch (RuntimeException | LinkageError notWarmed) {
                // Only speed is at stake (an older framework version lacking a method the warm-up
                // uses, say): the start itself reports what really fails, in the app's words.
            }
        });
        TracebackSettings tracebackSettings = new TracebackSettings(applicationPackages,
                SourceRoots.detect(sourceRoots, Path.of("").toAbsolutePath(), System.getProperty("java.class.path", "")),
                TracebackSettings.DEFAULT_CONTEXT_LINES);
        io.runserverplus.core.standby.GuiceFlags.quiet();
        SecuritySettings securitySettings = new SecuritySettings(settings.debugPin(), settings.trustedHosts(),
                address.host(), MainClass.ofThisProgram(), app.getClass().getName());
        CoreModule core = new CoreModule(tracebackSettings, terminal, securitySettings,
                new ConsoleSettings(settings.consolePath(), settings.consoleTimeLimit()));
        com.google.inject.Module coreAndLiveReload = Modules.combine(core, binder -> binder.bind(
                io.runserverplus.core.debugger.LiveReload.class).toInstance(io.runserverplus.core.debugger.LiveReload.of(settings.liveReload())));
        Injector injector = Guice.createInjector(modules.isEmpty() ? Modules.combine(coreAndLiveReload, new AdapterPortModule(app))
                : Modules.override(coreAndLiveReload, new AdapterPortModule(app)).with(modules));
        RunningServer server;
        try {
            server = serve(injector, address, settings.tls(), showBanner);
        } catch (RuntimeException | LinkageError failure) {
            // A framework missing from the class path, or two adapters of one name, explain
            // a failed start better than its stack trace does.
            AdapterDiscovery.fromClassPath(RunServerPlus.class.getClassLoader()).checkAdapterOf(app);
            throw failure;
        }
        // The first child opens it when it chose the address: the supervisor did not know where.
        if (settings.openBrowser() && (!child || (firstChild && supervisorAddress.isEmpty()))) {
            BrowserOpener.openWhenServing(server.url().replace(address.urlHost(), address.browsableHost()),
                    terminal::println);
        }
        return server;
    }

    /** The settings the command line gives; {@code --help} and {@code --version} are answered and end the program. */
    private Map<String, String> commandLine() {
        // Without args, picocli (a few hundred classes) is not even loaded; nor in a child, whose
        // supervisor parsed the same arguments.
        Optional<Map<String, String>> parsedBySupervisor = Reloading.isChild()
                ? ParsedCommandLine.decode(System.getenv(ParsedCommandLine.ENVIRONMENT)) : Optional.empty();
        if (parsedBySupervisor.isPresent()) {
            return parsedBySupervisor.get();
        }
        if (args.isEmpty()) {
            return Map.of();
        }
        Optional<CommandLine> parsed = CommandLine.parse(
                () -> SettingsResolver.forThisProcess(Map.of(), given), args.get().toArray(String[]::new));
        if (parsed.isEmpty()) {
            System.exit(0); // --help or --version answered
        }
        return parsed.get().given();
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
        ConsoleSupport console = injector.getInstance(ConsoleSupport.class);
        injector.getInstance(DebuggerAnnouncement.class).print(console.settings().standalonePath()
                .map(path -> scheme + "://" + bound.browsableHost() + ":" + bound.port() + path));
        console.serverStarted(server.application());
        Reloading.serving(server.port());
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
