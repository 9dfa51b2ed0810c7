package io.runserverplus.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceScanTest {

    @Test
    void namesSkipLiteralsCommentsAndMemberAccess() {
        assertThat(SourceScan.names("a.size() + b /* c */ + \"d\" + 'e' + f . g // h\n + 1L"))
                .containsExactly("a", "b", "f");
    }

    @Test
    void maskBlanksCommentsAndLiteralsKeepingPositions() {
        String src = "a(\"x;y\", 'z') /* c */ + b // d\n + \"\"\"\nt\"\"\"";
        String masked = SourceScan.mask(src);
        assertThat(masked).hasSameSizeAs(src).isEqualTo("a(\"   \", ' ')         + b     \n + \"\"\"\n \"\"\"");
    }

    @Test
    void exitAndHaltAreRefused() {
        assertThat(SourceScan.refusal("System.exit(0)")).contains("Refused");
        assertThat(SourceScan.refusal("Runtime.getRuntime().halt(1)")).contains("Refused");
        assertThat(SourceScan.refusal("Runtime.getRuntime() . exit (2)")).contains("Refused");
        assertThat(SourceScan.refusal("IntConsumer c = System::exit")).contains("Refused");
    }

    @Test
    void harmlessMentionsAreNotRefused() {
        assertThat(SourceScan.refusal("System.out.println(\"System.exit(0)\")")).isNull();
        assertThat(SourceScan.refusal("int exitCode = 3; System.out.println(exitCode)")).isNull();
    }
}
