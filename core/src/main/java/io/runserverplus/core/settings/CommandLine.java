package io.runserverplus.core.settings;

import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The runserver_plus-style command line, parsed with picocli. */
@Command(name = "runserver_plus", mixinStandardHelpOptions = true, versionProvider = CommandLine.Version.class,
        description = "Starts the development server with the RunServerPlus debugger.")
public final class CommandLine {

    @Parameters(index = "0", arity = "0..1", paramLabel = "[addrport]",
            description = "Address and port to listen on: 8000, 0.0.0.0:8000, [::1]:8000. Default 127.0.0.1:8000.")
    String addrPort;

    /** The addrport argument, when given. */
    public Optional<String> addrPort() {
        return Optional.ofNullable(addrPort);
    }

    /**
     * Parses arguments. Returns empty when picocli already answered {@code --help} or
     * {@code --version}; throws {@link SettingsException} with one sentence for bad input.
     */
    public static Optional<CommandLine> parse(String... args) {
        CommandLine options = new CommandLine();
        picocli.CommandLine parser = new picocli.CommandLine(options);
        try {
            picocli.CommandLine.ParseResult result = parser.parseArgs(args);
            if (picocli.CommandLine.printHelpIfRequested(result)) {
                return Optional.empty();
            }
            return Optional.of(options);
        } catch (picocli.CommandLine.ParameterException bad) {
            throw new SettingsException(bad.getMessage().endsWith(".") ? bad.getMessage() : bad.getMessage() + ".");
        }
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CommandLine.class.getPackage().getImplementationVersion();
            return new String[] {"RunServerPlus " + (version == null ? "development build" : version)};
        }
    }
}
