package io.runserverplus.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class RunArgumentsTest {

    @Test
    void argumentsAreSplitAsAShellSplitsThem() throws Exception {
        assertThat(RunArguments.split("runserverplus.args", "0.0.0.0:9000  --cert-file 'my dev' --extra-file \"a b.toml\""))
                .containsExactly("0.0.0.0:9000", "--cert-file", "my dev", "--extra-file", "a b.toml");
        assertThat(RunArguments.split("runserverplus.args", null)).isEmpty();
        assertThat(RunArguments.split("runserverplus.args", "  ")).isEmpty();
    }

    @Test
    void anUnclosedQuoteIsOneSentenceNamingTheProperty() {
        assertThatThrownBy(() -> RunArguments.split("runserverplus.jvmArgs", "-Dname=\"x"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("runserverplus.jvmArgs \"-Dname=\"x\" has a quote that is not closed; close it or drop it"
                        + " (quotes keep spaces inside one argument, as in 'my dev cert').");
    }
}
