package io.runserverplus.core.tls;

import io.runserverplus.core.settings.CertificatePaths;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads the certificate chain from a PEM file: the server certificate first, then intermediates,
 * each issued by the next, as every server and {@code openssl s_server -cert} expect. Other blocks (say, a key in a combined
 * file) are skipped.
 */
final class CertificateFile {

    private CertificateFile() {
    }

    static List<X509Certificate> load(PemFileReader reader, CertificatePaths paths) {
        List<Object> objects = PemObjects.parse(reader.read(PemRole.CERTIFICATE), PemRole.CERTIFICATE, paths);
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try {
            for (Object object : objects) {
                X509CertificateHolder holder = object instanceof X509TrustedCertificateBlock trusted
                        ? trusted.getCertificateHolder()
                        : object instanceof X509CertificateHolder plain ? plain : null;
                if (holder != null) {
                    chain.add(converter.getCertificate(holder));
                }
            }
        } catch (CertificateException | RuntimeException undecodable) {
            throw TlsProblems.corrupt(PemRole.CERTIFICATE, paths);
        }
        if (chain.isEmpty()) {
            throw objects.stream().anyMatch(CertificateFile::isKey)
                    ? TlsProblems.swapped(PemRole.CERTIFICATE, paths)
                    : TlsProblems.noPem(PemRole.CERTIFICATE, paths);
        }
        for (int i = 1; i < chain.size(); i++) {
            // A key store refuses a chain out of order, and so would a client: say so at startup.
            if (!chain.get(i - 1).getIssuerX500Principal().equals(chain.get(i).getSubjectX500Principal())) {
                throw TlsProblems.notAChain(paths, i + 1, i);
            }
        }
        return List.copyOf(chain);
    }

    static boolean isKey(Object object) {
        return object instanceof PEMKeyPair || object instanceof PrivateKeyInfo
                || object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo;
    }
}
