package io.runserverplus.core.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The runserver_plus-style command line, parsed with picocli. Values stay text here: the
 * {@link SettingsResolver} validates them with the same parser as every other source.
 */
@Command(name = "runserver_plus", mixinStandardHelpOptions = true, versionProvider = CommandLine.Version.class,
        description = "Starts the development server with the RunServerPlus debugger.")
public final class CommandLine {

    @Parameters(index = "0", arity = "0..1", paramLabel = "[addrport]",
            description = "Address and port to listen on: 8000, 0.0.0.0:8000, [::1]:8000. Default ${DEFAULT-VALUE}.")
    String addrPort;

    @Option(names = {"-6", "--ipv6"}, description = "Listen on ::1 by default instead of 127.0.0.1.")
    boolean ipv6;

    @Option(names = {"--cert-file", "--cert"}, paramLabel = "FILE",
            description = "Serve HTTPS with this certificate (made if missing; .crt added); 'adhoc' for a new one each start.")
    String certFile;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "The certificate's private key (default: the certificate's name with .key).")
    String keyFile;

    @Option(names = "--startup-messages", paramLabel = "WHEN",
            description = "When to print the banner: reload (every start), once, always, never. Default ${DEFAULT-VALUE}.")
    String startupMessages;

    @Option(names = "--browser", description = "Open the default browser once the server answers.")
    boolean browser;

    @Option(names = "--output", paramLabel = "FILE", description = "Also write everything printed to this file.")
    String output;

    @Option(names = "--noreload", description = "Run the app in this JVM, without restarting it on change.")
    boolean noreload;

    @Option(names = "--hotswap", description = "When a change alters method bodies only, redefine the classes in the"
            + " running app instead of restarting it (its state stays).")
    boolean hotswap;

    @Option(names = "--nopin", description = "Run the debugger's console without a PIN (anyone who reaches the port can run code).")
    boolean nopin;

    @Option(names = "--trusted-host", paramLabel = "HOST",
            description = "Also let requests for this host name use the debugger (loopback names and the bind address always may). Repeatable.")
    List<String> trustedHosts = new ArrayList<>();

    @Option(names = "--console-path", paramLabel = "PATH",
            description = "Where the standalone console page is served, or off. Default ${DEFAULT-VALUE}.")
    String consolePath;

    @Option(names = "--console-time-limit", paramLabel = "SECONDS",
            description = "How long one console evaluation may run before it is stopped. Default ${DEFAULT-VALUE}.")
    String consoleTimeLimit;

    @Option(names = "--reloader-type", paramLabel = "TYPE",
            description = "auto, watch (alias watchdog) or poll (alias stat). Default ${DEFAULT-VALUE}.")
    String reloaderType;

    @Option(names = "--reloader-interval", paramLabel = "SECONDS",
            description = "How often the poll reloader looks for changes. Default ${DEFAULT-VALUE}.")
    String reloaderInterval;

    @Option(names = "--extra-file", paramLabel = "PATH",
            description = "Also reload when this file or directory changes. Repeatable.")
    List<String> extraFiles = new ArrayList<>();

    @Option(names = "--exclude-pattern", paramLabel = "GLOB",
            description = "Never reload for paths matching this glob, e.g. '**/generated/**'. Repeatable.")
    List<String> excludePatterns = new ArrayList<>();

    @Option(names = "--static-location", paramLabel = "DIR",
            description = "A directory, in the class path's directories, whose changes are served without a restart;"
                    + " repeatable, or off. Default ${DEFAULT-VALUE}.")
    List<String> staticLocations = new ArrayList<>();

    @Option(names = "--live-reload",
            description = "Add a script to the app's HTML pages that refreshes them after a reload or a static file change.")
    boolean liveReload;

    /** The options given, by setting name, as text. */
    public Map<String, String> given() {
        Map<String, String> given = new LinkedHashMap<>();
        putIfGiven(given, Settings.ADDRPORT, addrPort);
        putIfGiven(given, Settings.IPV6, flag(ipv6));
        putIfGiven(given, Settings.NORELOAD, flag(noreload));
        putIfGiven(given, Settings.DEBUG_PIN, nopin ? "off" : null);
        putIfGiven(given, Settings.TRUSTED_HOSTS, oneALine(trustedHosts));
        putIfGiven(given, Settings.CONSOLE_PATH, consolePath);
        putIfGiven(given, Settings.CONSOLE_TIME_LIMIT, consoleTimeLimit);
        putIfGiven(given, Settings.STARTUP_MESSAGES, startupMessages);
        putIfGiven(given, Settings.BROWSER, flag(browser));
        putIfGiven(given, Settings.HOTSWAP, flag(hotswap));
        putIfGiven(given, Settings.OUTPUT, output);
        putIfGiven(given, Settings.CERT_FILE, certFile);
        putIfGiven(given, Settings.KEY_FILE, keyFile);
        putIfGiven(given, Settings.RELOADER_TYPE, reloaderType);
        putIfGiven(given, Settings.RELOADER_INTERVAL, reloaderInterval);
        putIfGiven(given, Settings.EXTRA_FILES, oneALine(extraFiles));
        putIfGiven(given, Settings.EXCLUDE_PATTERNS, oneALine(excludePatterns));
        putIfGiven(given, Settings.STATIC_LOCATIONS, oneALine(staticLocations));
        putIfGiven(given, Settings.LIVE_RELOAD, flag(liveReload));
        return given;
    }

    /** {@code text} under the setting's name, unless it is null (the option was not given). */
    private static void putIfGiven(Map<String, String> given, Setting<?> setting, String text) {
        if (text != null) {
            given.put(setting.name(), text);
        }
    }

    /**
     * A flag given is "true"; one not given stays absent (null), so the builder, a property or the
     * environment may still set it.
     */
    private static String flag(boolean given) {
        return given ? "true" : null;
    }

    /**
     * A repeated option as one text with one entry a line, the list parsers' format; null when it
     * was not given.
     */
    private static String oneALine(List<String> entries) {
        return entries.isEmpty() ? null : String.join("\n", entries);
    }

    /**
     * Parses arguments. Returns empty when {@code --help} or {@code --version} was answered;
     * throws {@link SettingsException} with one sentence for bad input.
     *
     * @param otherSources the settings' other sources (builder, system properties, environment),
     *     asked only for {@code --help}, which shows the value used when an option is not given
     */
    public static Optional<CommandLine> parse(Supplier<SettingsResolver> otherSources, String... args) {
        CommandLine options = new CommandLine();
        picocli.CommandLine parser = new picocli.CommandLine(options);
        try {
            picocli.CommandLine.ParseResult result = parser.parseArgs(args);
            if (result.isUsageHelpRequested()) {
                printHelp(HelpDefaults.from(otherSources.get()));
                return Optional.empty();
            }
            if (picocli.CommandLine.printHelpIfRequested(result)) {
                return Optional.empty();
            }
            return Optional.of(options);
        } catch (picocli.CommandLine.ParameterException bad) {
            String message = bad.getMessage().strip();
            String suggestion = picocli.CommandLine.UnmatchedArgumentException.class.isInstance(bad)
                    ? suggestionFor((picocli.CommandLine.UnmatchedArgumentException) bad) : "";
            throw new SettingsException((message.endsWith(".") ? message : message + ".") + suggestion);
        }
    }

    /**
     * The usage text with each {@code Default ...} read from {@code defaults}. A parser of its own:
     * picocli writes provided defaults into the option fields, which must stay "not given".
     */
    private static void printHelp(Map<String, String> defaults) {
        picocli.CommandLine help = new picocli.CommandLine(new CommandLine());
        help.setDefaultValueProvider(argument -> defaults.get(settingName(argument)));
        help.usage(System.out);
    }

    /** {@code --console-time-limit} is the setting {@code console-time-limit}; the positional one is addrport. */
    private static String settingName(picocli.CommandLine.Model.ArgSpec argument) {
        return argument instanceof picocli.CommandLine.Model.OptionSpec option
                ? option.longestName().replaceFirst("^-+", "") : Settings.ADDRPORT.name();
    }

    private static String suggestionFor(picocli.CommandLine.UnmatchedArgumentException unmatched) {
        return unmatched.getSuggestions().isEmpty() ? " See --help for the options."
                : " Did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
    }

    /** The version Maven wrote into {@code version.properties} when it built core. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"RunServerPlus " + ProductVersion.get()};
        }
    }
}
