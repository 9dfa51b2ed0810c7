package io.runserverplus.core.tls;

import io.runserverplus.core.settings.CertificatePaths;
import io.runserverplus.core.settings.TlsSettings;
import io.runserverplus.core.settings.SettingsException;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Turns {@link TlsSettings} into the certificate and key to serve, the runserver_plus way: when
 * both files exist they are used as they are; when neither does, a pair is generated and written
 * there for the next start (so a browser exception is accepted once); adhoc makes a new pair in
 * memory every time.
 */
public final class DevelopmentCertificates {

    private DevelopmentCertificates() {
    }

    /**
     * The material for {@code settings}, which must be {@linkplain TlsSettings#enabled() enabled}.
     *
     * @param bindHost the host the server listens on; a generated certificate is also valid for it
     * @throws SettingsException with one sentence naming the file and the fix when a file is unusable
     */
    public static TlsMaterial resolve(TlsSettings settings, String bindHost) {
        return resolve(settings, bindHost, PemFileReader.FILE_SYSTEM);
    }

    static TlsMaterial resolve(TlsSettings settings, String bindHost, PemFileReader.FileBytes fileBytes) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("TLS is off in these settings; check TlsSettings.enabled() first");
        }
        if (settings.adhoc()) {
            CertificateGenerator.Generated pair = CertificateGenerator.generate(bindHost);
            return new TlsMaterial(pair.chain(), pair.pair().getPrivate(), Optional.empty(), Optional.empty(), true);
        }
        CertificatePaths paths = new CertificatePaths(settings.certFile().orElseThrow(), settings.keyFile().orElseThrow());
        boolean certExists = Files.exists(paths.certFile());
        boolean keyExists = Files.exists(paths.keyFile());
        if (certExists || keyExists) {
            return load(paths, new PemFileReader(fileBytes, paths), certExists, keyExists);
        }
        CertificateGenerator.Generated pair = CertificateGenerator.generate(bindHost);
        PemFileWriter.write(pair.chain(), pair.pair().getPrivate(), paths);
        return material(pair.chain(), pair.pair().getPrivate(), paths, true);
    }

    private static TlsMaterial load(CertificatePaths paths, PemFileReader reader, boolean certExists, boolean keyExists) {
        // Read what exists first, so a directory or an unreadable file is named as such.
        if (!keyExists) {
            reader.read(PemRole.CERTIFICATE);
            // Werkzeug would generate a new pair over the certificate; we never overwrite a user's file.
            throw TlsProblems.onlyOneExists(PemRole.CERTIFICATE, paths);
        }
        if (!certExists) {
            reader.read(PemRole.KEY);
            throw TlsProblems.onlyOneExists(PemRole.KEY, paths);
        }
        List<X509Certificate> chain = CertificateFile.load(reader, paths);
        PrivateKey key = KeyFile.load(reader, paths);
        KeyMatch.check(key, chain.get(0).getPublicKey(), paths);
        return material(chain, key, paths, false);
    }

    private static TlsMaterial material(List<X509Certificate> chain, PrivateKey key, CertificatePaths paths,
                                        boolean generated) {
        return new TlsMaterial(chain, key, Optional.of(paths.certFile()), Optional.of(paths.keyFile()), generated);
    }

}
