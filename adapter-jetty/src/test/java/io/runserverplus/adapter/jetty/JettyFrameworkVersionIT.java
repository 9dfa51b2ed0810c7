package io.runserverplus.adapter.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The adapter reads the Jetty version that is on the class path (the build's newest here, the lowest
 * supported one under compat/) and accepts it, and refuses one outside its range in one sentence.
 */
class JettyFrameworkVersionIT {

    @Test
    void theVersionOnTheClassPathIsReadAndSupported() {
        String onTheClassPath = System.getProperty("runserverplus.test.framework-version");
        assertThat(onTheClassPath).as("set by the build").isNotBlank();

        assertThat(JettyApp.frameworkVersion()).isEqualTo(onTheClassPath);
        assertThat(JettyApp.SUPPORTED.problemWith(JettyApp.frameworkVersion())).isEmpty();
    }

    @Test
    void aVersionBelowTheRangeIsRefusedNamingTheDependencyToChange() {
        String lowest = JettyApp.SUPPORTED.lowest();
        int major = Integer.parseInt(lowest.substring(0, lowest.indexOf('.')));
        String older = (major - 1) + ".9.9";

        assertThat(JettyApp.SUPPORTED.problemWith(older)).hasValueSatisfying(sentence -> assertThat(sentence)
                .startsWith("Jetty " + older + " is not supported by RunServerPlus")
                .contains(lowest, JettyApp.SUPPORTED.dependency()));
    }
}
