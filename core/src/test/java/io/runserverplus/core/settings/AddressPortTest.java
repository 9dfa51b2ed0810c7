package io.runserverplus.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressPortTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "8000            | 127.0.0.1 | 8000",
            "0.0.0.0:8000    | 0.0.0.0   | 8000",
            "localhost:9000  | localhost | 9000",
            "[::1]:8000      | ::1       | 8000",
            "dev.example.org:0 | dev.example.org | 0",
            "65535           | 127.0.0.1 | 65535"})
    void everyAddrportFormParses(String text, String host, int port) {
        assertThat(AddressPort.parse(text, "127.0.0.1")).isEqualTo(new AddressPort(host, port));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "70000           | Port 70000 is out of range; use a number from 0 to 65535 (0 picks a free port).",
            "localhost:http  | \"http\" in \"localhost:http\" is not a port number; use a number from 0 to 65535 (0 picks a free port).",
            "[::zz]:8000     | \"[::zz]:8000\" is not a valid IPv6 address; write it like [::1]:8000.",
            "bad_host!:80    | \"bad_host!\" in \"bad_host!:80\" is not a valid host name or IPv4 address.",
            "::1:8000        | \"::1:8000\" is not a valid port number or address:port pair; use e.g. 8000, 127.0.0.1:8000 or [::1]:8000."})
    void badInputIsOneSentenceNamingTheValue(String text, String message) {
        assertThatThrownBy(() -> AddressPort.parse(text, "127.0.0.1"))
                .isInstanceOf(SettingsException.class)
                .hasMessage(message)
                .satisfies(thrown -> assertThat(thrown.getStackTrace()).isEmpty());
    }
}
