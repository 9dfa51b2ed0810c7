package io.runserverplus.core.settings;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether and how to serve HTTPS. The constructor completes the file paths with runserver_plus's
 * rules (see {@link CertificatePaths}), so both paths are present or both are empty.
 *
 * @param certFile the PEM certificate (chain) to serve, read if it exists, written otherwise
 * @param keyFile  the PEM private key that belongs to it
 * @param adhoc    a fresh in-memory pair on every start; nothing is read or written
 */
public record TlsSettings(Optional<Path> certFile, Optional<Path> keyFile, boolean adhoc) {

    private static final TlsSettings NONE = new TlsSettings(Optional.empty(), Optional.empty(), false);
    private static final TlsSettings ADHOC = new TlsSettings(Optional.empty(), Optional.empty(), true);

    public TlsSettings {
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        if (adhoc && (certFile.isPresent() || keyFile.isPresent())) {
            throw new IllegalArgumentException("adhoc TLS reads and writes no files; give adhoc or file paths, not both");
        }
        if (certFile.isPresent() || keyFile.isPresent()) {
            CertificatePaths paths = CertificatePaths.complete(certFile, keyFile);
            certFile = Optional.of(paths.certFile());
            keyFile = Optional.of(paths.keyFile());
        }
    }

    /** Plain HTTP. */
    public static TlsSettings none() {
        return NONE;
    }

    /** A new self-signed pair in memory on every start. */
    public static TlsSettings adhocPair() {
        return ADHOC;
    }

    /**
     * The {@code --cert-file} and {@code --key-file} options as typed; {@code null} or blank means
     * not given, a leading {@code ~} is the user's home, and missing parts follow the other file.
     */
    public static TlsSettings fromCertAndKey(String certFile, String keyFile) {
        Optional<Path> cert = CertificatePaths.fromText(certFile);
        Optional<Path> key = CertificatePaths.fromText(keyFile);
        return cert.isEmpty() && key.isEmpty() ? NONE : new TlsSettings(cert, key, false);
    }

    /** Whether the server should speak HTTPS at all. */
    public boolean enabled() {
        return adhoc || certFile.isPresent();
    }
}
