package io.runserverplus.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code --help} shows the values this program would use, not only the built-in defaults. */
class CommandLineHelpTest {

    @Test
    void helpShowsTheBuiltInDefaultsWhenNothingElseIsSet() {
        String help = help(new SettingsResolver(Map.of(), BuilderSettings.none(), Map.of(), Map.of()));

        assertThat(help).contains("Default 127.0.0.1:8000.", "Default /console.", "Default reload.", "Default auto.")
                .containsPattern("Default public,\\s+static,\\s+resources,\\s+templates,\\s+META-INF/resources\\.")
                .containsPattern("stopped\\.\\s+Default 10\\.")
                .containsPattern("changes\\.\\s+Default 1\\.");
    }

    @Test
    void helpShowsTheBuildersValuesInsteadOfTheBuiltInDefaults() {
        SettingsResolver builder = new SettingsResolver(Map.of(), BuilderSettings.none()
                .addrPort("7070").consoleTimeLimit(Duration.ofMillis(2500)).consolePath(Optional.empty())
                .reloaderInterval(Duration.ofMillis(500)), Map.of(), Map.of());

        String help = help(builder);

        assertThat(help).contains("Default 127.0.0.1:7070.", "Default off.").doesNotContain("127.0.0.1:8000")
                .containsPattern("stopped\\.\\s+Default 2\\.5\\.")
                .containsPattern("changes\\.\\s+Default 0\\.5\\.");
    }

    @Test
    void helpShowsTheEnvironmentsAddressAndSurvivesABadOne() {
        String fromEnvironment = help(new SettingsResolver(Map.of(), BuilderSettings.none(), Map.of(),
                Map.of("RUNSERVERPLUS_SERVER_ADDRESS_PORT", "[::1]:9000")));
        String bad = help(new SettingsResolver(Map.of(), BuilderSettings.none(), Map.of(),
                Map.of("RUNSERVERPLUS_SERVER_ADDRESS_PORT", "70000")));

        assertThat(fromEnvironment).contains("Default [::1]:9000.");
        assertThat(bad).contains("Default 127.0.0.1:8000.");
    }

    @Test
    void helpLeavesTheOptionsNotGiven() {
        // Defaults shown in --help must never count as given on the command line.
        assertThat(CommandLine.parse(() -> new SettingsResolver(Map.of(), BuilderSettings.none(), Map.of(), Map.of())))
                .hasValueSatisfying(options -> assertThat(options.given()).isEmpty());
    }

    @Test
    void versionIsTheBuildsVersion() {
        assertThat(new CommandLine.Version().getVersion()).singleElement().asString().matches("RunServerPlus \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    private static String help(SettingsResolver otherSources) {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThat(CommandLine.parse(() -> otherSources, "--help")).isEmpty();
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
