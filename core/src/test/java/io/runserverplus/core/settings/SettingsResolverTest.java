package io.runserverplus.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsResolverTest {

    private static final Map<String, String> CLI = Map.of("addrport", "1111");
    private static final BuilderSettings BUILDER = BuilderSettings.none().addrPort("2222");
    private static final Map<String, String> PROPERTIES = Map.of("runserverplus.addrport", "3333");
    private static final Map<String, String> ENVIRONMENT = Map.of("RUNSERVERPLUS_SERVER_ADDRESS_PORT", "4444");

    @Test
    void theCommandLineWinsOverEverySource() {
        assertThat(port(CLI, BUILDER, PROPERTIES, ENVIRONMENT)).isEqualTo(1111);
    }

    @Test
    void theBuilderWinsOverPropertiesAndEnvironment() {
        assertThat(port(Map.of(), BUILDER, PROPERTIES, ENVIRONMENT)).isEqualTo(2222);
    }

    @Test
    void systemPropertiesWinOverTheEnvironment() {
        assertThat(port(Map.of(), BuilderSettings.none(), PROPERTIES, ENVIRONMENT)).isEqualTo(3333);
    }

    @Test
    void theEnvironmentWinsOverTheDefault() {
        assertThat(port(Map.of(), BuilderSettings.none(), Map.of(), ENVIRONMENT)).isEqualTo(4444);
    }

    @Test
    void withoutAnySourceTheDefaultIsLoopbackPort8000() {
        assertThat(settings(Map.of(), BuilderSettings.none(), Map.of(), Map.of()).address()).isEqualTo(new AddressPort("127.0.0.1", 8000));
    }

    @Test
    void ipv6MakesTheDefaultHostTheIpv6Loopback() {
        assertThat(settings(Map.of("ipv6", "true"), BuilderSettings.none(), Map.of(), Map.of()).address())
                .isEqualTo(new AddressPort("::1", 8000));
        assertThat(settings(Map.of("ipv6", "true", "addrport", "9000"), BuilderSettings.none(), Map.of(), Map.of()).address())
                .isEqualTo(new AddressPort("::1", 9000));
    }

    @Test
    void aBadEnvironmentValueNamesTheVariable() {
        assertThatThrownBy(() -> settings(Map.of(), BuilderSettings.none(), Map.of(), Map.of("RUNSERVERPLUS_SERVER_ADDRESS_PORT", "eighty")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("In environment variable RUNSERVERPLUS_SERVER_ADDRESS_PORT: \"eighty\" is not a valid port"
                        + " number or address:port pair; use e.g. 8000, 127.0.0.1:8000 or [::1]:8000.");
    }

    @Test
    void aBadSystemPropertyNamesTheProperty() {
        assertThatThrownBy(() -> settings(Map.of(), BuilderSettings.none(), Map.of("runserverplus.addrport", "99999"), Map.of()))
                .hasMessage("In system property runserverplus.addrport: Port 99999 is out of range;"
                        + " use a number from 0 to 65535 (0 picks a free port).");
    }

    @Test
    void anUnknownOptionSuggestsTheClosestOne() {
        assertThatThrownBy(() -> parse("--ipv7"))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("Unknown option: '--ipv7'")
                .hasMessageEndingWith("Did you mean --ipv6?");
    }

    @Test
    void theCommandLineGivesItsValuesAsText() {
        assertThat(parse("-6", "[::1]:0").orElseThrow().given())
                .containsExactlyInAnyOrderEntriesOf(Map.of("addrport", "[::1]:0", "ipv6", "true"));
    }

    @Test
    void everyOptionParsesIntoItsSetting() {
        Settings settings = Settings.resolve(new SettingsResolver(parse("--noreload", "--cert", "certs/dev",
                "--key-file", "keys/dev.key", "--extra-file", "a.toml", "--extra-file", "b.toml", "--exclude-pattern",
                "*.tmp", "--exclude-pattern", "**/generated/**", "--reloader-interval", "0.5", "--reloader-type", "stat",
                "--startup-messages", "once", "--browser", "--output", "out.log", "0.0.0.0:9000")
                .orElseThrow().given(), BuilderSettings.none(), Map.of(), Map.of()));

        assertThat(settings.address()).isEqualTo(new AddressPort("0.0.0.0", 9000));
        assertThat(settings.useReloader()).isFalse();
        assertThat(settings.tls().certFile()).contains(java.nio.file.Path.of("certs/dev.crt"));
        assertThat(settings.tls().keyFile()).contains(java.nio.file.Path.of("keys/dev.key"));
        assertThat(settings.extraFiles()).containsExactly(java.nio.file.Path.of("a.toml"), java.nio.file.Path.of("b.toml"));
        assertThat(settings.excludePatterns()).containsExactly("*.tmp", "**/generated/**");
        assertThat(settings.reloaderInterval()).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(settings.reloaderType()).isEqualTo("stat");
        assertThat(settings.startupMessages()).isEqualTo(StartupMessages.ONCE);
        assertThat(settings.openBrowser()).isTrue();
        assertThat(settings.output()).contains(java.nio.file.Path.of("out.log"));
    }

    @Test
    void theBuilderSpellingsOfTheLaterSettingsResolveToo() {
        Settings settings = settings(Map.of(), BuilderSettings.none().startupMessages(StartupMessages.NEVER).browser(true)
                .output(java.nio.file.Path.of("copy.log")), Map.of("runserverplus.startup-messages", "once"), Map.of());

        assertThat(settings.startupMessages()).isEqualTo(StartupMessages.NEVER);
        assertThat(settings.openBrowser()).isTrue();
        assertThat(settings.output()).contains(java.nio.file.Path.of("copy.log"));
    }

    @Test
    void hotSwapIsOffByDefaultAndEachSourceTurnsItOn() {
        assertThat(settings(Map.of(), BuilderSettings.none(), Map.of(), Map.of()).hotswap()).isFalse();
        assertThat(Settings.resolve(new SettingsResolver(parse("--hotswap").orElseThrow().given(), BuilderSettings.none(),
                Map.of(), Map.of())).hotswap()).isTrue();
        assertThat(settings(Map.of(), BuilderSettings.none().hotswap(true), Map.of(), Map.of()).hotswap()).isTrue();
        assertThat(settings(Map.of(), BuilderSettings.none(), Map.of("runserverplus.hotswap", "true"), Map.of()).hotswap())
                .isTrue();
        assertThat(settings(Map.of(), BuilderSettings.none(), Map.of(), Map.of("RUNSERVERPLUS_HOTSWAP", "true")).hotswap())
                .isTrue();
    }

    @Test
    void listSettingsFromTheEnvironmentAreCommaSeparated() {
        Settings settings = settings(Map.of(), BuilderSettings.none(), Map.of(), Map.of("RUNSERVERPLUS_EXTRA_FILES", "a.toml, b.toml",
                "RUNSERVERPLUS_EXCLUDE_PATTERNS", "*.tmp,*.swp", "RUNSERVERPLUS_POLLER_RELOADER_TYPE", "watchdog",
                "RUNSERVERPLUS_POLLER_RELOADER_INTERVAL", "2"));

        assertThat(settings.extraFiles()).containsExactly(java.nio.file.Path.of("a.toml"), java.nio.file.Path.of("b.toml"));
        assertThat(settings.excludePatterns()).containsExactly("*.tmp", "*.swp");
        assertThat(settings.reloaderType()).isEqualTo("watchdog");
        assertThat(settings.reloaderInterval()).isEqualTo(java.time.Duration.ofSeconds(2));
    }

    @Test
    void staticLocationsDefaultToTheUsualFoldersAndCanBeChangedOrTurnedOff() {
        assertThat(settings(Map.of(), BuilderSettings.none(), Map.of(), Map.of()).staticLocations())
                .containsExactly("public", "static", "resources", "templates", "META-INF/resources");
        assertThat(settings(Map.of(), BuilderSettings.none(), Map.of(), Map.of("RUNSERVERPLUS_STATIC_LOCATIONS", "web/, /assets"))
                .staticLocations()).containsExactly("web", "assets");
        assertThat(parse("--static-location", "off").map(options -> settings(options.given(), BuilderSettings.none(), Map.of(),
                Map.of()).staticLocations())).hasValue(java.util.List.of());
        assertThat(settings(Map.of(), BuilderSettings.none().staticLocations(java.util.List.of("site")), Map.of(), Map.of())
                .staticLocations()).containsExactly("site");
    }

    @Test
    void liveReloadIsOffByDefaultAndOnFromEachSource() {
        assertThat(settings(Map.of(), BuilderSettings.none(), Map.of(), Map.of()).liveReload()).isFalse();
        assertThat(parse("--live-reload").map(options -> settings(options.given(), BuilderSettings.none(), Map.of(),
                Map.of()).liveReload())).hasValue(true);
        assertThat(settings(Map.of(), BuilderSettings.none().liveReload(true), Map.of(), Map.of()).liveReload()).isTrue();
        assertThat(settings(Map.of(), BuilderSettings.none(), Map.of("runserverplus.live-reload", "true"), Map.of()).liveReload()).isTrue();
        assertThat(settings(Map.of(), BuilderSettings.none(), Map.of(), Map.of("RUNSERVERPLUS_LIVE_RELOAD", "true")).liveReload()).isTrue();
    }

    @Test
    void aStaticLocationOutsideTheClassPathsDirectoriesIsOneSentence() {
        assertThatThrownBy(() -> settings(Map.of("static-location", "../web"), BuilderSettings.none(), Map.of(), Map.of()))
                .hasMessage("\"../web\" is not a static location; give a directory relative to the class path's"
                        + " directories, such as public or META-INF/resources, or off.");
        assertThatThrownBy(() -> settings(Map.of(), BuilderSettings.none(), Map.of("runserverplus.static-location", "C:/web"), Map.of()))
                .hasMessageStartingWith("In system property runserverplus.static-location: \"C:/web\" is not a static location");
    }

    @Test
    void adhocTakesNoKeyFile() {
        assertThatThrownBy(() -> settings(Map.of("cert-file", "adhoc", "key-file", "dev.key"), BuilderSettings.none(), Map.of(), Map.of()))
                .hasMessage("--cert-file adhoc makes a new certificate and key at each start, so --key-file \"dev.key\""
                        + " has no use; drop one of the two.");
    }

    private static int port(Map<String, String> cli, BuilderSettings builder, Map<String, String> properties,
                            Map<String, String> environment) {
        return settings(cli, builder, properties, environment).address().port();
    }

    private static Settings settings(Map<String, String> cli, BuilderSettings builder,
                                     Map<String, String> properties, Map<String, String> environment) {
        return Settings.resolve(new SettingsResolver(cli, builder, properties, environment));
    }

    /** The command line alone: no builder, property or environment to show in --help. */
    private static java.util.Optional<CommandLine> parse(String... args) {
        return CommandLine.parse(() -> new SettingsResolver(Map.of(), BuilderSettings.none(), Map.of(), Map.of()), args);
    }
}
