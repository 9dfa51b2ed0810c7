package io.runserverplus.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlsSettingsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "--cert-file \"{0}\" --key-file \"{1}\" -> {2} + {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // cert given       | key given     | cert used          | key used       (T/ = a temporary directory)
            "hello              | -             | hello.crt          | hello.key",
            "T/certs/dev        | -             | T/certs/dev.crt    | T/certs/dev.key",
            "T/certs/dev.pem    | -             | T/certs/dev.pem    | T/certs/dev.key",
            "T/certs/dev.crt    | -             | T/certs/dev.crt    | T/certs/dev.key",
            "-                  | T/keys/dev    | T/keys/dev.crt     | T/keys/dev.key",
            "-                  | T/keys/dev.pem| T/keys/dev.crt     | T/keys/dev.pem",
            "T/certs/dev        | dev2          | T/certs/dev.crt    | T/certs/dev2.key",
            "dev                | T/keys/k.key  | T/keys/dev.crt     | T/keys/k.key",
            "T/certs/a          | T/keys/b      | T/certs/a.crt      | T/keys/b.key",
            "T/certs/a.cert.pem | T/keys/b.pem  | T/certs/a.cert.pem | T/keys/b.pem",
            "dev                | other         | dev.crt            | other.key",
            "T/.hidden          | -             | T/.hidden.crt      | T/.hidden.key"})
    void pathsFollowRunserverPlusRules(String cert, String key, String certUsed, String keyUsed) {
        TlsSettings settings = TlsSettings.fromCertAndKey(inTemp(cert), inTemp(key));

        assertThat(settings.certFile()).contains(Path.of(inTemp(certUsed)));
        assertThat(settings.keyFile()).contains(Path.of(inTemp(keyUsed)));
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.adhoc()).isFalse();
    }

    @Test
    void nullAndBlankMeanNotGivenSoTlsIsOff() {
        assertThat(TlsSettings.fromCertAndKey(null, null)).isEqualTo(TlsSettings.none());
        assertThat(TlsSettings.fromCertAndKey("  ", "")).isEqualTo(TlsSettings.none());
        assertThat(TlsSettings.fromCertAndKey(" ", dir.resolve("k").toString()).certFile()).contains(dir.resolve("k.crt"));
        assertThat(TlsSettings.none().enabled()).isFalse();
        assertThat(TlsSettings.none().certFile()).isEmpty();
    }

    @Test
    void aTildeIsTheHomeDirectory() {
        TlsSettings settings = TlsSettings.fromCertAndKey("~/certs/dev", null);

        assertThat(settings.certFile()).contains(Path.of(System.getProperty("user.home"), "certs", "dev.crt"));
    }

    @Test
    void theRulesChangeNothingOnceApplied() {
        TlsSettings settings = TlsSettings.fromCertAndKey(dir.resolve("certs/dev").toString(), "dev2");

        assertThat(new TlsSettings(settings.certFile(), settings.keyFile(), false)).isEqualTo(settings);
    }

    @Test
    void theConstructorAppliesTheRulesToo() {
        TlsSettings settings = new TlsSettings(Optional.of(dir.resolve("hello")), Optional.empty(), false);

        assertThat(settings.keyFile()).contains(dir.resolve("hello.key"));
    }

    @Test
    void adhocWritesNoFilesSoItTakesNoPaths() {
        assertThat(TlsSettings.adhocPair().enabled()).isTrue();
        assertThat(TlsSettings.adhocPair().certFile()).isEmpty();
        assertThatThrownBy(() -> new TlsSettings(Optional.of(dir.resolve("a")), Optional.empty(), true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPathWithoutFileNameIsOneSentence() {
        assertThatThrownBy(() -> TlsSettings.fromCertAndKey("/", null))
                .isInstanceOf(SettingsException.class)
                .hasMessage("\"/\" names no file; give a certificate file such as certs/dev.crt with --cert-file"
                        + " or a key file with --key-file.");
    }

    private String inTemp(String path) {
        return path == null || !path.startsWith("T/") ? path : dir.resolve(path.substring(2)).toString();
    }
}
