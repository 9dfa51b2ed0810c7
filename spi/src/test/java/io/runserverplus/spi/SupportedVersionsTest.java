package io.runserverplus.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SupportedVersionsTest {

    private final SupportedVersions helidon = new SupportedVersions("Helidon", "4.3.0", "io.helidon:helidon-bom");

    @ParameterizedTest
    @ValueSource(strings = {"4.3.0", "4.3.1", "4.5.0", "4.10.2", "4.3.0.1", "4.4.0-SNAPSHOT", "4.3.0-M1", "unknown", ""})
    void versionsFromTheLowestToTheNextMajorAndUnknownOnesPass(String found) {
        assertThat(helidon.problemWith(found)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.1.2", "4.2.7", "3.2.12", "5.0.0", "27.0.1"})
    void versionsOutsideTheRangeAreOneSentenceNamingTheVersionTheRangeAndTheDependency(String found) {
        assertThat(helidon.problemWith(found)).hasValue("Helidon " + found + " is not supported by RunServerPlus,"
                + " which works with Helidon 4.3.0 and newer 4.x versions; set io.helidon:helidon-bom to a version"
                + " in that range in your build.");
    }

    @org.junit.jupiter.api.Test
    void aNullVersionIsUnknown() {
        assertThat(helidon.problemWith(null)).isEmpty();
    }
}
