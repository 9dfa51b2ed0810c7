package io.runserverplus.core.tls;

import io.runserverplus.core.settings.TlsSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One pair is generated and written for the whole class: RSA 2048 key generation takes a while. */
class DevelopmentCertificatesTest {

    @TempDir
    static Path dir;

    static TlsSettings settings;
    static TlsMaterial generated;
    static Instant generatedAt;

    @BeforeAll
    static void generateOnce() {
        settings = TlsSettings.fromCertAndKey(dir.resolve("certs/dev").toString(), null);
        generatedAt = Instant.now();
        generated = DevelopmentCertificates.resolve(settings, "devbox.test");
    }

    @Test
    void aMissingPairIsGeneratedAndWrittenWhereTheSettingsSay() {
        assertThat(generated.generated()).isTrue();
        assertThat(generated.certFile()).contains(dir.resolve("certs/dev.crt"));
        assertThat(generated.keyFile()).contains(dir.resolve("certs/dev.key"));
        assertThat(dir.resolve("certs/dev.crt")).content().startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(dir.resolve("certs/dev.key")).content().startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void theKeyFileIsReadableByItsOwnerOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("certs/dev.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void theCertificateIsASelfSignedRsa2048ServerCertificateForTheBindHostAndLoopback() throws Exception {
        X509Certificate certificate = generated.certificate();

        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getSubjectX500Principal()).isEqualTo(certificate.getIssuerX500Principal());
        assertThat(certificate.getSubjectX500Principal().getName())
                .isEqualTo("CN=devbox.test,O=RunServerPlus development certificate");
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
        RSAPublicKey publicKey = (RSAPublicKey) certificate.getPublicKey();
        assertThat(publicKey.getModulus().bitLength()).isEqualTo(2048);
        assertThat(publicKey.getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
        assertThat(certificate.getSubjectAlternativeNames()).containsExactly(
                List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"), List.of(2, "devbox.test"));
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(certificate.getKeyUsage()).startsWith(true, false, true); // digitalSignature, keyEncipherment
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1); // not a CA
        assertThat(certificate.getSerialNumber().signum()).isEqualTo(1);
        assertThat(certificate.getSerialNumber().bitLength()).isEqualTo(128);
        assertThat(certificate.getNotBefore().toInstant())
                .isCloseTo(generatedAt.minus(Duration.ofDays(1)), within(1, ChronoUnit.MINUTES));
        assertThat(certificate.getNotAfter().toInstant())
                .isCloseTo(generatedAt.plus(Duration.ofDays(365)), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void aSecondStartReusesTheFilesWithoutTouchingThem() throws Exception {
        Path cert = dir.resolve("certs/dev.crt");
        Path key = dir.resolve("certs/dev.key");
        String certText = Files.readString(cert);
        String keyText = Files.readString(key);
        FileTime certModified = Files.getLastModifiedTime(cert);
        FileTime keyModified = Files.getLastModifiedTime(key);

        TlsMaterial reused = DevelopmentCertificates.resolve(settings, "devbox.test");

        assertThat(reused.generated()).isFalse();
        assertThat(reused.sha256Fingerprint()).isEqualTo(generated.sha256Fingerprint());
        assertThat(reused.key()).isEqualTo(generated.key());
        assertThat(cert).hasContent(certText);
        assertThat(key).hasContent(keyText);
        assertThat(Files.getLastModifiedTime(cert)).isEqualTo(certModified);
        assertThat(Files.getLastModifiedTime(key)).isEqualTo(keyModified);
    }

    @Test
    void adhocMakesADifferentPairEveryTimeAndWritesNothing() throws Exception {
        List<Path> before = filesIn(Path.of("").toAbsolutePath());

        TlsMaterial first = DevelopmentCertificates.resolve(TlsSettings.adhocPair(), "127.0.0.1");
        TlsMaterial second = DevelopmentCertificates.resolve(TlsSettings.adhocPair(), "127.0.0.1");

        assertThat(first.sha256Fingerprint()).isNotEqualTo(second.sha256Fingerprint());
        assertThat(first.generated()).isTrue();
        assertThat(first.certFile()).isEmpty();
        assertThat(first.keyFile()).isEmpty();
        assertThat(first.certificate().getSubjectX500Principal().getName()).contains("CN=localhost");
        assertThat(filesIn(Path.of("").toAbsolutePath())).isEqualTo(before);
    }

    @Test
    void theFingerprintIsColonSeparatedUpperCaseSha256() {
        assertThat(generated.sha256Fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void theKeyStoreHoldsTheKeyAndChainUnderOneAlias() throws Exception {
        char[] password = "changeit".toCharArray();

        KeyStore store = generated.keyStore(password);

        assertThat(store.getType()).isEqualToIgnoringCase("PKCS12");
        assertThat(java.util.Collections.list(store.aliases())).containsExactly(TlsMaterial.ALIAS);
        assertThat(store.getKey(TlsMaterial.ALIAS, password)).isEqualTo(generated.key());
        assertThat(store.getCertificateChain(TlsMaterial.ALIAS)).containsExactly(generated.certificate());
    }

    @Test
    void theSslContextOffersTheCertificateToATlsServer() {
        var engine = generated.sslContext().createSSLEngine();
        engine.setUseClientMode(false);

        assertThat(generated.sslContext().getProtocol()).isEqualTo("TLS");
        assertThat(engine.getEnabledProtocols()).contains("TLSv1.3");
    }

    @Test
    void aChainIsLoadedServerCertificateFirstWithAnEcKey() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        KeyPair leafPair = ec.generateKeyPair();
        X509Certificate issuer = generated.certificate();
        X509Certificate leaf = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                issuer, BigInteger.TWO, issuer.getNotBefore(), issuer.getNotAfter(),
                new X500Principal("CN=leaf.test"), leafPair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(generated.key())));
        Path cert = Pem.write(dir.resolve("chain/leaf.crt"), Pem.of(leaf, issuer));
        // PKCS#8: the JDK's EC keys carry the curve there; OpenSSL's "EC PRIVATE KEY" files are read in OpenSslIT.
        Pem.write(dir.resolve("chain/leaf.key"), Pem.of(new JcaPKCS8Generator(leafPair.getPrivate(), null)));

        TlsMaterial loaded = DevelopmentCertificates.resolve(TlsSettings.fromCertAndKey(cert.toString(), null), null);

        assertThat(dir.resolve("chain/leaf.key")).content().startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(loaded.chain()).containsExactly(leaf, issuer);
        assertThat(loaded.key().getAlgorithm()).isEqualTo("EC");
        assertThat(loaded.keyStore("pw".toCharArray()).getCertificateChain(TlsMaterial.ALIAS)).hasSize(2);
    }

    @Test
    void toStringNeverShowsTheKey() {
        assertThat(generated.toString())
                .startsWith("TlsMaterial[subject=CN=devbox.test")
                .doesNotContain("modulus", "exponent", "private");
    }

    private static List<Path> filesIn(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
