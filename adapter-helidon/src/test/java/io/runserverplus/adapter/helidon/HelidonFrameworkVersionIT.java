package io.runserverplus.adapter.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The adapter reads the Helidon version that is on the class path (the build's newest here, the lowest
 * supported one under compat/) and accepts it, and refuses one outside its range in one sentence.
 */
class HelidonFrameworkVersionIT {

    @Test
    void theVersionOnTheClassPathIsReadAndSupported() {
        String onTheClassPath = System.getProperty("runserverplus.test.framework-version");
        assertThat(onTheClassPath).as("set by the build").isNotBlank();

        assertThat(HelidonApp.frameworkVersion()).isEqualTo(onTheClassPath);
        assertThat(HelidonApp.SUPPORTED.problemWith(HelidonApp.frameworkVersion())).isEmpty();
    }

    @Test
    void aVersionBelowTheRangeIsRefusedNamingTheDependencyToChange() {
        String lowest = HelidonApp.SUPPORTED.lowest();
        int major = Integer.parseInt(lowest.substring(0, lowest.indexOf('.')));
        String older = (major - 1) + ".9.9";

        assertThat(HelidonApp.SUPPORTED.problemWith(older)).hasValueSatisfying(sentence -> assertThat(sentence)
                .startsWith("Helidon " + older + " is not supported by RunServerPlus")
                .contains(lowest, HelidonApp.SUPPORTED.dependency()));
    }
}
