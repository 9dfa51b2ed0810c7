package io.runserverplus.core.tls;

import io.runserverplus.core.settings.TlsSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runserverplus.core.settings.SettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What we write, the real {@code openssl} reads; what {@code openssl} writes, we read. */
class OpenSslIT {

    @TempDir
    static Path dir;

    static TlsMaterial generated;

    @BeforeAll
    static void generateOnce() {
        generated = DevelopmentCertificates.resolve(TlsSettings.fromCertAndKey(dir.resolve("dev").toString(), null), "0.0.0.0");
    }

    @Test
    void opensslReadsTheGeneratedCertificate() {
        String text = Programs.ok(dir, "openssl", "x509", "-in", "dev.crt", "-noout", "-text");

        assertThat(text).contains(
                "X509v3 Subject Alternative Name",
                "DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1",
                "TLS Web Server Authentication",
                "sha256WithRSAEncryption",
                "Public-Key: (2048 bit)",
                "Exponent: 65537 (0x10001)",
                "CA:FALSE",
                "Digital Signature, Key Encipherment",
                "Subject: O = RunServerPlus development certificate, CN = localhost");
        assertThat(text).doesNotContain("0.0.0.0"); // a wildcard bind address is no name to connect to
    }

    @Test
    void opensslReadsTheGeneratedKeyAndFindsItSound() {
        assertThat(Programs.ok(dir, "openssl", "rsa", "-in", "dev.key", "-check", "-noout")).contains("RSA key ok");
        Programs.ok(dir, "openssl", "pkey", "-in", "dev.key", "-noout");
    }

    @Test
    void theFingerprintIsTheOneOpensslPrints() {
        assertThat(Programs.ok(dir, "openssl", "x509", "-in", "dev.crt", "-noout", "-fingerprint", "-sha256").strip())
                .isEqualTo("sha256 Fingerprint=" + generated.sha256Fingerprint());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "RSA PKCS#1 | -----BEGIN RSA PRIVATE KEY----- | RSA | openssl genrsa -traditional -out K 2048",
            "RSA PKCS#8 | -----BEGIN PRIVATE KEY-----     | RSA | openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out K",
            "EC SEC 1   | -----BEGIN EC PARAMETERS-----   | EC  | openssl ecparam -name prime256v1 -genkey -out K",
            "EC PKCS#8  | -----BEGIN PRIVATE KEY-----     | EC  | openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out K"})
    void keysInEveryFormOpensslWritesAreRead(String form, String header, String algorithm, String generate)
            throws Exception {
        Path sub = Files.createDirectories(dir.resolve(form.replaceAll("\\W", "")));
        Programs.ok(sub, generate.replace("K", "user.key").split(" "));
        Programs.ok(sub, "openssl", "req", "-x509", "-new", "-key", "user.key", "-subj", "/CN=localhost", "-days", "1",
                "-out", "user.crt");

        TlsMaterial loaded = DevelopmentCertificates.resolve(
                TlsSettings.fromCertAndKey(sub.resolve("user").toString(), null), "localhost");

        assertThat(sub.resolve("user.key")).content().startsWith(header);
        assertThat(loaded.generated()).isFalse();
        assertThat(loaded.key().getAlgorithm()).isEqualTo(algorithm);
        assertThat("sha256 Fingerprint=" + loaded.sha256Fingerprint()).isEqualTo(
                Programs.ok(sub, "openssl", "x509", "-in", "user.crt", "-noout", "-fingerprint", "-sha256").strip());
        assertThat(loaded.sslContext().getProtocol()).isEqualTo("TLS");
    }

    @Test
    void anOpensslEncryptedKeyIsRefusedWithACommandThatDecryptsIt() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("encrypted"));
        Programs.ok(sub, "openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-aes256", "-pass", "pass:secret", "-out", "user.key");
        Programs.ok(sub, "openssl", "req", "-x509", "-new", "-key", "user.key", "-passin", "pass:secret",
                "-subj", "/CN=localhost", "-days", "1", "-out", "user.crt");
        Path key = sub.resolve("user.key");
        Path decrypted = sub.resolve("user-decrypted.key");

        assertThatThrownBy(() -> DevelopmentCertificates.resolve(
                TlsSettings.fromCertAndKey(sub.resolve("user.crt").toString(), null), "localhost"))
                .isInstanceOf(SettingsException.class)
                .hasMessage("Key file \"" + key + "\" is encrypted, and encrypted keys are not supported; decrypt it with"
                        + " \"openssl pkey -in " + key + " -out " + decrypted + "\" and pass that file with --key-file.");

        // The suggested command works (here with the passphrase given instead of typed) ...
        Programs.ok(sub, "openssl", "pkey", "-in", key.toString(), "-out", decrypted.toString(), "-passin", "pass:secret");
        // ... and its output is accepted.
        TlsMaterial loaded = DevelopmentCertificates.resolve(
                TlsSettings.fromCertAndKey(sub.resolve("user.crt").toString(), decrypted.toString()), "localhost");
        assertThat(loaded.key().getAlgorithm()).isEqualTo("EC");
    }
}
