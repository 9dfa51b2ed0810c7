package io.runserverplus.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The debugger's settings: the PIN, the trusted hosts and the console's, in every spelling. */
class DebuggerSettingsTest {

    @Test
    void digitsWithDashesOrSpacesFixThePinAndOffDisablesIt() {
        assertThat(DebugPin.parse("123-456-789")).isEqualTo(new DebugPin(Optional.of("123456789"), false));
        assertThat(DebugPin.parse(" 1234 5678 ")).isEqualTo(new DebugPin(Optional.of("12345678"), false));
        assertThat(DebugPin.parse("OFF")).isEqualTo(DebugPin.disabled());
    }

    @Test
    void aBadPinInTheEnvironmentIsOneSentenceNamingTheVariable() {
        assertThatThrownBy(() -> resolve(Map.of(), BuilderSettings.none(), Map.of("RUNSERVERPLUS_DEBUG_PIN", "secret")).debugPin())
                .isInstanceOf(SettingsException.class)
                .hasMessage("In environment variable RUNSERVERPLUS_DEBUG_PIN: \"secret\" is not a debugger PIN; use digits"
                        + " (dashes and spaces allowed), such as 123-456-789, or off to run the console without a PIN.");
    }

    @Test
    void nopinOnTheCommandLineWinsOverAPinInTheEnvironment() {
        Map<String, String> given = parse("--nopin").orElseThrow().given();

        assertThat(resolve(given, BuilderSettings.none(), Map.of("RUNSERVERPLUS_DEBUG_PIN", "1234")).debugPin()).isEqualTo(DebugPin.disabled());
        assertThat(resolve(Map.of(), BuilderSettings.none(), Map.of("RUNSERVERPLUS_DEBUG_PIN", "1234")).debugPin().digits()).hasValue("1234");
        assertThat(resolve(Map.of(), BuilderSettings.none(), Map.of()).debugPin()).isEqualTo(DebugPin.generated());
    }

    @Test
    void trustedHostsComeRepeatedOnTheCommandLineOrCommaSeparatedFromTheEnvironment() {
        Map<String, String> given = parse("--trusted-host", "a.test", "--trusted-host", "[fe80::1]").orElseThrow().given();

        assertThat(resolve(given, BuilderSettings.none(), Map.of()).trustedHosts()).containsExactly("a.test", "[fe80::1]");
        assertThat(resolve(Map.of(), BuilderSettings.none(), Map.of("RUNSERVERPLUS_TRUSTED_HOSTS", "a.test, .b.test")).trustedHosts())
                .containsExactly("a.test", ".b.test");
    }

    @Test
    void aTrustedHostWithAPortOrJunkIsRefused() {
        assertThatThrownBy(() -> resolve(Map.of(), BuilderSettings.none(), Map.of("RUNSERVERPLUS_TRUSTED_HOSTS", "a.test:8000")))
                .hasMessage("In environment variable RUNSERVERPLUS_TRUSTED_HOSTS: \"a.test:8000\" is not a host name or IP"
                        + " address; give names such as myapp.test or 192.168.1.20 (a leading dot trusts subdomains),"
                        + " without ports.");
        assertThatThrownBy(() -> parse("--trusted-host", "evil/x").map(CommandLine::given)
                .map(given -> resolve(given, BuilderSettings.none(), Map.of()))).isInstanceOf(SettingsException.class);
    }

    @Test
    void theStandaloneConsoleIsAtConsoleUnlessMovedOrTurnedOff() {
        Map<String, String> moved = parse("--console-path", "/dev/shell").orElseThrow().given();

        assertThat(resolve(Map.of(), BuilderSettings.none(), Map.of()).consolePath()).hasValue("/console");
        assertThat(resolve(moved, BuilderSettings.none(), Map.of()).consolePath()).hasValue("/dev/shell");
        assertThat(resolve(Map.of(), BuilderSettings.none(), Map.of("RUNSERVERPLUS_CONSOLE_PATH", "off")).consolePath()).isEmpty();
    }

    @Test
    void aConsolePathThatIsNotAPathOrIsTheDebuggersIsRefused() {
        for (String bad : new String[] {"console", "/a b", "/__debugger__/console", "/x?y=1", "/<script>"}) {
            assertThatThrownBy(() -> resolve(Map.of(), BuilderSettings.none(), Map.of("RUNSERVERPLUS_CONSOLE_PATH", bad)))
                    .as(bad)
                    .hasMessage("In environment variable RUNSERVERPLUS_CONSOLE_PATH: \"" + bad + "\" is not a console path;"
                            + " give a path such as /console (letters, digits, '-', '_', '.', '/', not under /__debugger__/),"
                            + " or off.");
        }
    }

    @Test
    void theConsolesTimeLimitIsSecondsAndMustBePositive() {
        Map<String, String> given = parse("--console-time-limit", "2.5").orElseThrow().given();

        assertThat(resolve(given, BuilderSettings.none(), Map.of()).consoleTimeLimit()).isEqualTo(java.time.Duration.ofMillis(2500));
        assertThat(resolve(Map.of(), BuilderSettings.none(), Map.of()).consoleTimeLimit()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThatThrownBy(() -> resolve(Map.of(), BuilderSettings.none(), Map.of("RUNSERVERPLUS_CONSOLE_TIME_LIMIT", "0")))
                .hasMessage("In environment variable RUNSERVERPLUS_CONSOLE_TIME_LIMIT: The console's time limit must be more"
                        + " than 0 seconds, not 0; use a positive number such as 1 or 0.5.");
    }

    private static Settings resolve(Map<String, String> commandLine, BuilderSettings builder, Map<String, String> environment) {
        return Settings.resolve(new SettingsResolver(commandLine, builder, Map.of(), environment));
    }


    /** The command line alone: no builder, property or environment to show in --help. */
    private static java.util.Optional<CommandLine> parse(String... args) {
        return CommandLine.parse(() -> new SettingsResolver(Map.of(), BuilderSettings.none(), Map.of(), Map.of()), args);
    }
}
