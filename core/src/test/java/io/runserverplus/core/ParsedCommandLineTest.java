package io.runserverplus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ParsedCommandLineTest {

    @Test
    void theSettingsCrossTheEnvironmentUnchangedWhateverTheirCharacters() {
        Map<String, String> given = Map.of(
                "addrport", "[::1]:8000",
                "cert-file", "C:\\dev\\certs\\my dev=cert #1",
                "extra-files", "a.txt\nb.txt",
                "exclude-patterns", "*.tmp:!keep,ü€");

        String encoded = ParsedCommandLine.encode(given);

        assertThat(encoded).matches("[A-Za-z0-9+/=]+"); // one environment value, no newline
        assertThat(ParsedCommandLine.decode(encoded)).contains(given);
    }

    @Test
    void anAbsentOrGarbledValueMeansTheChildParsesItsArguments() {
        assertThat(ParsedCommandLine.decode(null)).isEmpty();
        assertThat(ParsedCommandLine.decode("")).isEmpty();
        assertThat(ParsedCommandLine.decode("not base64 !")).isEmpty();
        assertThat(ParsedCommandLine.decode(ParsedCommandLine.encode(Map.of()))).contains(Map.of());
    }
}
