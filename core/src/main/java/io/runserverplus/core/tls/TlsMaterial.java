package io.runserverplus.core.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The certificate chain and private key a server presents, and where they came from.
 *
 * @param chain     the server certificate first, then any intermediates; never empty
 * @param key       the private key of {@code chain.get(0)}
 * @param certFile  the PEM certificate file; empty for adhoc material
 * @param keyFile   the PEM key file; empty for adhoc material
 * @param generated whether the pair was made on this start (adhoc, or written to the files)
 */
public record TlsMaterial(List<X509Certificate> chain, PrivateKey key, Optional<Path> certFile,
                          Optional<Path> keyFile, boolean generated) {

    /** The alias of the one entry in {@link #keyStore(char[])}. */
    public static final String ALIAS = "runserverplus";

    public TlsMaterial {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the certificate chain is empty");
        }
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
    }

    /** The server's own certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * A PKCS#12 key store in memory holding the key and chain under {@link #ALIAS}, the key protected
     * by {@code password} (for Jetty: {@code setKeyStore(ks)} and {@code setKeyManagerPassword}).
     */
    public KeyStore keyStore(char[] password) {
        Objects.requireNonNull(password, "password");
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, password);
            store.setKeyEntry(ALIAS, key, password, chain.toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | java.io.IOException impossible) {
            // The key and chain were checked when they were loaded or made; failing here is a bug.
            throw new IllegalStateException("cannot put the TLS key and certificate into a key store", impossible);
        }
    }

    /** A server-side {@code SSLContext} ("TLS") presenting this chain; trust is the JDK default. */
    public SSLContext sslContext() {
        char[] password = randomPassword();
        try {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore(password), password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("cannot build an SSLContext from the TLS key and certificate", impossible);
        }
    }

    /** The key store only lives inside this method; the password just has to be unguessable. */
    private static char[] randomPassword() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toCharArray();
    }

    /** As {@code openssl x509 -fingerprint -sha256} prints it: {@code AB:01:...}, 32 upper-case pairs. */
    public String sha256Fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("cannot fingerprint the TLS certificate", impossible);
        }
    }

    /** Never prints the key: the JDK's RSA keys print their private exponent. */
    @Override
    public String toString() {
        return "TlsMaterial[subject=" + certificate().getSubjectX500Principal().getName()
                + ", sha256=" + sha256Fingerprint()
                + ", certFile=" + certFile.map(Path::toString).orElse("(in memory)")
                + ", keyFile=" + keyFile.map(Path::toString).orElse("(in memory)")
                + ", generated=" + generated + "]";
    }
}
