package io.runserverplus.core.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The resolved settings of one start. Each {@link Setting} below is one row of the README's
 * settings table: option, system property, environment variable, default.
 *
 * @param address          where to listen
 * @param useReloader      run the app under the supervisor, restarting it on change
 * @param reloaderType     {@code auto}, {@code watch}, {@code poll} or an alias or third-party name
 * @param reloaderInterval how often {@code poll} looks
 * @param extraFiles       files and directories watched besides the class path's directories
 * @param excludePatterns  globs of paths whose changes never reload
 * @param tls              the certificate and key to serve HTTPS with, if any
 * @param startupMessages  when the banner is printed
 * @param openBrowser      open the default browser once the server answers
 * @param output           a file that gets a copy of everything printed
 * @param debugPin         the console's PIN: generated, fixed, or off
 * @param trustedHosts     host names, besides loopback ones and the bind address, that may use the debugger
 * @param consolePath      where the standalone console page is served, empty when it is off
 * @param consoleTimeLimit how long one console evaluation may run before it is stopped
 * @param staticLocations  directories in the class path's directories whose changes need no restart
 * @param liveReload       the app's HTML pages get a script that refreshes them after a reload or a static file change
 * @param hotswap          redefine classes whose method bodies alone changed in the running app instead of restarting
 */
public record Settings(AddressPort address, boolean useReloader, String reloaderType, Duration reloaderInterval,
                       List<Path> extraFiles, List<String> excludePatterns, TlsSettings tls,
                       StartupMessages startupMessages, boolean openBrowser, Optional<Path> output,
                       DebugPin debugPin, List<String> trustedHosts, Optional<String> consolePath,
                       Duration consoleTimeLimit, List<String> staticLocations, boolean liveReload,
                       boolean hotswap) {

    /** {@code [addrport]}; a bare port keeps the default host ({@code ::1} with {@code --ipv6}). */
    public static final Setting<String> ADDRPORT = Setting.of("addrport", "RUNSERVERPLUS_SERVER_ADDRESS_PORT",
            text -> {
                AddressPort.parse(text, AddressPort.DEFAULT_HOST); // validate now, with this source's wording
                return text;
            }, null, BuilderSettings::addrPort);
    public static final Setting<Boolean> IPV6 = Setting.of("ipv6", null, Parsers::bool, false, BuilderSettings::ipv6);
    public static final Setting<Boolean> NORELOAD = Setting.of("noreload", null, Parsers::bool, false, BuilderSettings::noReload);
    public static final Setting<String> RELOADER_TYPE = Setting.of("reloader-type",
            "RUNSERVERPLUS_POLLER_RELOADER_TYPE", String::strip, "auto", BuilderSettings::reloaderType);
    public static final Setting<Duration> RELOADER_INTERVAL = Setting.of("reloader-interval",
            "RUNSERVERPLUS_POLLER_RELOADER_INTERVAL", Parsers::seconds, Duration.ofSeconds(1), BuilderSettings::reloaderInterval);
    public static final Setting<List<Path>> EXTRA_FILES = Setting.of("extra-file", "RUNSERVERPLUS_EXTRA_FILES",
            Parsers::paths, List.of(), BuilderSettings::extraFiles);
    public static final Setting<List<String>> EXCLUDE_PATTERNS = Setting.of("exclude-pattern",
            "RUNSERVERPLUS_EXCLUDE_PATTERNS", Parsers::list, List.of(), BuilderSettings::excludePatterns);

    /** {@code --cert-file}: a path (extensions and directory completed as runserver_plus does) or {@code adhoc}. */
    public static final Setting<String> CERT_FILE = Setting.of("cert-file", null, String::strip, null, BuilderSettings::certFile);
    public static final Setting<String> KEY_FILE = Setting.of("key-file", null, String::strip, null, BuilderSettings::keyFile);

    public static final Setting<StartupMessages> STARTUP_MESSAGES = Setting.of("startup-messages", null,
            StartupMessages::parse, StartupMessages.RELOAD, BuilderSettings::startupMessages);
    public static final Setting<Boolean> BROWSER = Setting.of("browser", null, Parsers::bool, false, BuilderSettings::browser);
    public static final Setting<Path> OUTPUT = Setting.of("output", null, text -> Path.of(text.strip()), null, BuilderSettings::output);

    /** {@code --nopin} is this setting's {@code off}; digits fix the PIN. */
    public static final Setting<DebugPin> DEBUG_PIN = Setting.of("debug-pin", "RUNSERVERPLUS_DEBUG_PIN",
            DebugPin::parse, DebugPin.generated(), BuilderSettings::debugPin);
    public static final Setting<List<String>> TRUSTED_HOSTS = Setting.of("trusted-host", "RUNSERVERPLUS_TRUSTED_HOSTS",
            Parsers::hosts, List.of(), BuilderSettings::trustedHosts);

    /** {@code --console-path}: the standalone console's path, or {@code off}. */
    public static final Setting<Optional<String>> CONSOLE_PATH = Setting.of("console-path",
            "RUNSERVERPLUS_CONSOLE_PATH", Parsers::consolePath, Optional.of("/console"), BuilderSettings::consolePath);
    public static final Setting<Duration> CONSOLE_TIME_LIMIT = Setting.of("console-time-limit",
            "RUNSERVERPLUS_CONSOLE_TIME_LIMIT", Parsers::consoleTimeLimit, Duration.ofSeconds(10), BuilderSettings::consoleTimeLimit);

    /** Where Spring Boot, Quarkus, Javalin and Helidon apps keep static files and templates. */
    public static final Setting<List<String>> STATIC_LOCATIONS = Setting.of("static-location",
            "RUNSERVERPLUS_STATIC_LOCATIONS", Parsers::staticLocations,
            List.of("public", "static", "resources", "templates", "META-INF/resources"), BuilderSettings::staticLocations);
    public static final Setting<Boolean> LIVE_RELOAD = Setting.of("live-reload", "RUNSERVERPLUS_LIVE_RELOAD",
            Parsers::bool, false, BuilderSettings::liveReload);

    /** {@code --hotswap}: a change to method bodies only is redefined in the running app, without a restart. */
    public static final Setting<Boolean> HOTSWAP = Setting.of("hotswap", "RUNSERVERPLUS_HOTSWAP", Parsers::bool, false,
            BuilderSettings::hotswap);

    public Settings {
        staticLocations = List.copyOf(staticLocations);
        trustedHosts = List.copyOf(trustedHosts);
        extraFiles = List.copyOf(extraFiles);
        excludePatterns = List.copyOf(excludePatterns);
    }

    /** Resolves every setting from the sources, in their order of precedence. */
    public static Settings resolve(SettingsResolver sources) {
        String defaultHost = sources.resolve(IPV6) ? "::1" : AddressPort.DEFAULT_HOST;
        String addrPort = sources.resolve(ADDRPORT);
        AddressPort address = addrPort == null
                ? new AddressPort(defaultHost, AddressPort.DEFAULT_PORT)
                : AddressPort.parse(addrPort, defaultHost);
        return new Settings(address, !sources.resolve(NORELOAD), sources.resolve(RELOADER_TYPE),
                sources.resolve(RELOADER_INTERVAL), sources.resolve(EXTRA_FILES), sources.resolve(EXCLUDE_PATTERNS),
                tls(sources.resolve(CERT_FILE), sources.resolve(KEY_FILE)), sources.resolve(STARTUP_MESSAGES),
                sources.resolve(BROWSER), Optional.ofNullable(sources.resolve(OUTPUT)), sources.resolve(DEBUG_PIN),
                sources.resolve(TRUSTED_HOSTS), sources.resolve(CONSOLE_PATH),
                sources.resolve(CONSOLE_TIME_LIMIT), sources.resolve(STATIC_LOCATIONS), sources.resolve(LIVE_RELOAD),
                sources.resolve(HOTSWAP));
    }

    private static TlsSettings tls(String certFile, String keyFile) {
        if ("adhoc".equals(certFile)) {
            if (keyFile != null) {
                throw new SettingsException("--cert-file adhoc makes a new certificate and key at each start, so"
                        + " --key-file \"" + keyFile + "\" has no use; drop one of the two.");
            }
            return TlsSettings.adhocPair();
        }
        return TlsSettings.fromCertAndKey(certFile, keyFile);
    }
}
