package io.runserverplus.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runserverplus.core.server.ServerAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsResolverTest {

    private static final Map<String, String> CLI = Map.of("addrport", "1111");
    private static final Map<String, Object> BUILDER = Map.of("addrport", "2222");
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
        assertThat(port(Map.of(), Map.of(), PROPERTIES, ENVIRONMENT)).isEqualTo(3333);
    }

    @Test
    void theEnvironmentWinsOverTheDefault() {
        assertThat(port(Map.of(), Map.of(), Map.of(), ENVIRONMENT)).isEqualTo(4444);
    }

    @Test
    void withoutAnySourceTheDefaultIsLoopbackPort8000() {
        assertThat(settings(Map.of(), Map.of(), Map.of(), Map.of()).address()).isEqualTo(new ServerAddress("127.0.0.1", 8000));
    }

    @Test
    void ipv6MakesTheDefaultHostTheIpv6Loopback() {
        assertThat(settings(Map.of("ipv6", "true"), Map.of(), Map.of(), Map.of()).address())
                .isEqualTo(new ServerAddress("::1", 8000));
        assertThat(settings(Map.of("ipv6", "true", "addrport", "9000"), Map.of(), Map.of(), Map.of()).address())
                .isEqualTo(new ServerAddress("::1", 9000));
    }

    @Test
    void aBadEnvironmentValueNamesTheVariable() {
        assertThatThrownBy(() -> settings(Map.of(), Map.of(), Map.of(), Map.of("RUNSERVERPLUS_SERVER_ADDRESS_PORT", "eighty")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("In environment variable RUNSERVERPLUS_SERVER_ADDRESS_PORT: \"eighty\" is not a valid port"
                        + " number or address:port pair; use e.g. 8000, 127.0.0.1:8000 or [::1]:8000.");
    }

    @Test
    void aBadSystemPropertyNamesTheProperty() {
        assertThatThrownBy(() -> settings(Map.of(), Map.of(), Map.of("runserverplus.addrport", "99999"), Map.of()))
                .hasMessage("In system property runserverplus.addrport: Port 99999 is out of range;"
                        + " use a number from 0 to 65535 (0 picks a free port).");
    }

    @Test
    void anUnknownOptionSuggestsTheClosestOne() {
        assertThatThrownBy(() -> CommandLine.parse("--ipv7"))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("Unknown option: '--ipv7'")
                .hasMessageEndingWith("Did you mean --ipv6?");
    }

    @Test
    void theCommandLineGivesItsValuesAsText() {
        assertThat(CommandLine.parse("-6", "[::1]:0").orElseThrow().given())
                .containsExactlyInAnyOrderEntriesOf(Map.of("addrport", "[::1]:0", "ipv6", "true"));
    }

    private static int port(Map<String, String> cli, Map<String, Object> builder, Map<String, String> properties,
                            Map<String, String> environment) {
        return settings(cli, builder, properties, environment).address().port();
    }

    private static Settings settings(Map<String, String> cli, Map<String, Object> builder,
                                     Map<String, String> properties, Map<String, String> environment) {
        return Settings.resolve(new SettingsResolver(cli, builder, properties, environment));
    }
}
