package io.runserverplus.adapter.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The adapter reads the Javalin version that is on the class path (the build's newest here, the lowest
 * supported one under compat/) and accepts it, and refuses one outside its range in one sentence.
 */
class JavalinFrameworkVersionIT {

    @Test
    void theVersionOnTheClassPathIsReadAndSupported() {
        String onTheClassPath = System.getProperty("runserverplus.test.framework-version");
        assertThat(onTheClassPath).as("set by the build").isNotBlank();

        assertThat(JavalinApp.frameworkVersion()).isEqualTo(onTheClassPath);
        assertThat(JavalinApp.SUPPORTED.problemWith(JavalinApp.frameworkVersion())).isEmpty();
    }

    @Test
    void aVersionBelowTheRangeIsRefusedNamingTheDependencyToChange() {
        String lowest = JavalinApp.SUPPORTED.lowest();
        int major = Integer.parseInt(lowest.substring(0, lowest.indexOf('.')));
        String older = (major - 1) + ".9.9";

        assertThat(JavalinApp.SUPPORTED.problemWith(older)).hasValueSatisfying(sentence -> assertThat(sentence)
                .startsWith("Javalin " + older + " is not supported by RunServerPlus")
                .contains(lowest, JavalinApp.SUPPORTED.dependency()));
    }
}
