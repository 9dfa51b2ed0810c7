package io.runserverplus.core.tls;

import io.runserverplus.core.settings.TlsSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runserverplus.core.settings.SettingsException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import org.assertj.core.api.AbstractThrowableAssert;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every unusable file stops startup with one sentence naming the file, the problem and the fix. */
class TlsFileProblemsTest {

    /** Only the test encrypts keys; the JDK lacks OpenSSL's key derivation, so Bouncy Castle's provider does it. */
    static final BouncyCastleProvider BC = new BouncyCastleProvider();

    static CertificateGenerator.Generated pair;
    static String certPem;
    static String keyPem;

    @TempDir
    Path dir;
    Path cert;
    Path key;

    @BeforeAll
    static void generateOnce() throws Exception {
        pair = CertificateGenerator.generate("localhost");
        certPem = Pem.of(pair.chain().get(0));
        keyPem = Pem.of(new JcaPKCS8Generator(pair.pair().getPrivate(), null));
    }

    @BeforeEach
    void names() {
        cert = dir.resolve("dev.crt");
        key = dir.resolve("dev.key");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "-----BEGIN CERTIFICATE-----\nthis is *not* base64\n-----END CERTIFICATE-----\n",
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
            "-----BEGIN CERTIFICATE-----\nMIIB\n",
            "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n"})
    void aCorruptCertificate(String text) {
        Pem.write(cert, text);
        Pem.write(key, keyPem);

        assertResolveFails().hasMessage("Certificate file \"" + cert + "\" is not valid PEM (a BEGIN/END block cannot"
                + " be decoded); replace it with an intact copy or delete it and \"" + key + "\" to have a new pair generated.");
    }

    @Test
    void aCorruptKey() {
        Pem.write(cert, certPem);
        Pem.write(key, keyPem.substring(0, keyPem.length() / 2));

        assertResolveFails().hasMessage("Key file \"" + key + "\" is not valid PEM (a BEGIN/END block cannot"
                + " be decoded); replace it with an intact copy or delete it and \"" + cert + "\" to have a new pair generated.");
    }

    @Test
    void aKeyOfAnotherCertificate() throws Exception {
        Pem.write(cert, certPem);
        Pem.write(key, Pem.of(new JcaPKCS8Generator(CertificateGenerator.generate(null).pair().getPrivate(), null)));

        assertResolveFails().hasMessage(mismatch());
    }

    @Test
    void anEcKeyForAnRsaCertificate() throws Exception {
        Pem.write(cert, certPem);
        Pem.write(key, Pem.of(new JcaPKCS8Generator(ecKey(), null)));

        assertResolveFails().hasMessage(mismatch());
    }

    @Test
    void anUnreadableFile() {
        Pem.write(cert, certPem);
        Pem.write(key, keyPem);
        // Root reads any file whatever its mode, so the denial comes from the test's file reader.
        PemFileReader.FileBytes denied = file -> {
            if (file.equals(key)) {
                throw new AccessDeniedException(file.toString());
            }
            return Files.readAllBytes(file);
        };

        assertThatThrownBy(() -> DevelopmentCertificates.resolve(settings(), "localhost", denied))
                .isInstanceOf(SettingsException.class)
                .hasMessage("Key file \"" + key + "\" cannot be read (permission denied); make it readable for the user"
                        + " running the server or pass another file with --key-file.");
    }

    @Test
    void aDirectoryAsTheCertificate() throws Exception {
        Files.createDirectories(cert);
        Pem.write(key, keyPem);

        assertResolveFails().hasMessage("Certificate file \"" + cert + "\" is a directory; pass the path of a PEM file"
                + " with --cert-file.");
    }

    @Test
    void aDirectoryAsTheKeyWhenTheCertificateIsMissing() throws Exception {
        Files.createDirectories(key);

        assertResolveFails().hasMessage("Key file \"" + key + "\" is a directory; pass the path of a PEM file"
                + " with --key-file.");
    }

    @Test
    void anEncryptedPkcs8Key() throws Exception {
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                .setProvider(BC).setPassword("secret".toCharArray()).setRandom(new SecureRandom()).build();
        Pem.write(cert, certPem);
        Pem.write(key, Pem.of(new JcaPKCS8Generator(pair.pair().getPrivate(), encryptor)));

        assertThat(key).content().startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertResolveFails().hasMessage(encrypted());
    }

    @Test
    void anEncryptedTraditionalKey() throws Exception {
        var encryptor = new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(BC).build("secret".toCharArray());
        Pem.write(cert, certPem);
        Pem.write(key, Pem.of(new JcaMiscPEMGenerator(pair.pair().getPrivate(), encryptor)));

        assertThat(key).content().startsWith("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED");
        assertResolveFails().hasMessage(encrypted());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " \n\n "})
    void anEmptyCertificate(String text) {
        Pem.write(cert, text);
        Pem.write(key, keyPem);

        assertResolveFails().hasMessage("Certificate file \"" + cert + "\" is empty; put a PEM certificate in it or"
                + " delete it and \"" + key + "\" to have a new pair generated.");
    }

    @Test
    void anEmptyKey() {
        Pem.write(cert, certPem);
        Pem.write(key, "");

        assertResolveFails().hasMessage("Key file \"" + key + "\" is empty; put the PEM private key in it or"
                + " delete it and \"" + cert + "\" to have a new pair generated.");
    }

    @Test
    void textWithoutPem() {
        Pem.write(cert, "hello, I am a certificate\n");
        Pem.write(key, keyPem);

        assertResolveFails().hasMessage("Certificate file \"" + cert + "\" holds no PEM certificate"
                + " (-----BEGIN CERTIFICATE-----); pass a PEM certificate with --cert-file or delete it and \""
                + key + "\" to have a new pair generated.");
    }

    @Test
    void aKeyFileWithoutKey() {
        Pem.write(cert, certPem);
        Pem.write(key, "# nothing here\n");

        assertResolveFails().hasMessage("Key file \"" + key + "\" holds no PEM private key"
                + " (-----BEGIN PRIVATE KEY-----); pass the certificate's key with --key-file or delete it and \""
                + cert + "\" to have a new pair generated.");
    }

    @Test
    void aDerCertificate() throws Exception {
        Files.write(cert, pair.chain().get(0).getEncoded());
        Pem.write(key, keyPem);

        assertResolveFails().hasMessage("Certificate file \"" + cert + "\" is in binary DER form, not PEM; convert it"
                + " with \"openssl x509 -inform der -in " + cert + " -out " + cert + ".pem\" and pass the .pem file"
                + " with --cert-file.");
    }

    @Test
    void swappedFiles() {
        Pem.write(cert, keyPem);
        Pem.write(key, certPem);

        assertResolveFails().hasMessage("Certificate file \"" + cert + "\" holds a private key, not a certificate;"
                + " check that --cert-file and --key-file are not swapped.");
    }

    @Test
    void aCertificateInTheKeyFile() {
        Pem.write(cert, certPem);
        Pem.write(key, certPem);

        assertResolveFails().hasMessage("Key file \"" + key + "\" holds a certificate, not a private key;"
                + " check that --cert-file and --key-file are not swapped.");
    }

    @Test
    void certificatesOutOfOrder() {
        Pem.write(cert, Pem.of(pair.chain().get(0), CertificateGenerator.generate("other.test").chain().get(0)));
        Pem.write(key, keyPem);

        assertResolveFails().hasMessage("Certificate file \"" + cert + "\" holds certificates that do not form a chain"
                + " (certificate 2 did not issue certificate 1); put the server certificate first, then each issuer in order.");
    }

    @Test
    void aDsaKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("DSA");
        generator.initialize(2048);
        Pem.write(cert, certPem);
        Pem.write(key, Pem.of(new JcaPKCS8Generator(generator.generateKeyPair().getPrivate(), null)));

        assertResolveFails().hasMessage("Key file \"" + key + "\" holds a DSA key, which is not supported;"
                + " use an RSA or EC key.");
    }

    @Test
    void aCertificateWithoutItsKeyIsNeverOverwritten() {
        Pem.write(cert, certPem);

        assertResolveFails().hasMessage("Certificate file \"" + cert + "\" exists but key file \"" + key + "\" does not;"
                + " pass its key with --key-file or delete \"" + cert + "\" to have a new pair generated.");
        assertThat(cert).hasContent(certPem);
        assertThat(key).doesNotExist();
    }

    @Test
    void aKeyWithoutItsCertificateIsNeverOverwritten() {
        Pem.write(key, keyPem);

        assertResolveFails().hasMessage("Key file \"" + key + "\" exists but certificate file \"" + cert + "\" does not;"
                + " pass its certificate with --cert-file or delete \"" + key + "\" to have a new pair generated.");
        assertThat(key).hasContent(keyPem);
    }

    @Test
    void anUnwritableLocation() throws Exception {
        Path blocker = Pem.write(dir.resolve("certs"), "a file where a directory should be\n");
        cert = blocker.resolve("dev.crt");
        key = blocker.resolve("dev.key");

        assertResolveFails().hasMessage("Cannot write the generated key to \"" + key + "\" (\"" + blocker
                + "\" is in the way); choose a writable location with --key-file.");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertResolveFails() {
        return assertThatThrownBy(() -> DevelopmentCertificates.resolve(settings(), "localhost"))
                .isInstanceOf(SettingsException.class)
                .satisfies(thrown -> assertThat(thrown.getStackTrace()).isEmpty());
    }

    private TlsSettings settings() {
        return TlsSettings.fromCertAndKey(cert.toString(), key.toString());
    }

    private String mismatch() {
        return "Key file \"" + key + "\" does not belong to the certificate in \"" + cert + "\"; pass the certificate's"
                + " own key with --key-file or delete both files to have a new pair generated.";
    }

    private String encrypted() {
        return "Key file \"" + key + "\" is encrypted, and encrypted keys are not supported; decrypt it with"
                + " \"openssl pkey -in " + key + " -out " + dir.resolve("dev-decrypted.key")
                + "\" and pass that file with --key-file.";
    }

    private static PrivateKey ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair().getPrivate();
    }
}
