package io.runserverplus.core.tls;

import io.runserverplus.core.settings.CertificatePaths;
import java.security.PrivateKey;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads the private key from a PEM file in any form OpenSSL writes: PKCS#1 ({@code RSA PRIVATE
 * KEY}), SEC 1 ({@code EC PRIVATE KEY}, possibly after an {@code EC PARAMETERS} block) or PKCS#8
 * ({@code PRIVATE KEY}). Encrypted keys would need a passphrase prompt at every restart of the
 * reloader, so they are refused with the command that decrypts them.
 */
final class KeyFile {

    private static final Set<String> KNOWN = Set.of(
            PKCSObjectIdentifiers.rsaEncryption.getId(), X9ObjectIdentifiers.id_ecPublicKey.getId());

    private KeyFile() {
    }

    static PrivateKey load(PemFileReader reader, CertificatePaths paths) {
        boolean sawCertificate = false;
        for (Object object : PemObjects.parse(reader.read(PemRole.KEY), PemRole.KEY, paths)) {
            if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw TlsProblems.encrypted(paths);
            }
            if (object instanceof PEMKeyPair || object instanceof PrivateKeyInfo) {
                return convert(object, paths);
            }
            sawCertificate |= object instanceof X509CertificateHolder || object instanceof X509TrustedCertificateBlock;
        }
        throw sawCertificate ? TlsProblems.swapped(PemRole.KEY, paths) : TlsProblems.noPem(PemRole.KEY, paths);
    }

    private static PrivateKey convert(Object object, CertificatePaths paths) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        PrivateKeyInfo info = object instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo() : (PrivateKeyInfo) object;
        try {
            return converter.getPrivateKey(info);
        } catch (PEMException | RuntimeException unconvertible) {
            // RSA and EC always have a JDK key factory, so for them this means broken key data;
            // for anything else the JDK does not know the algorithm.
            String algorithm = info.getPrivateKeyAlgorithm().getAlgorithm().getId();
            throw KNOWN.contains(algorithm)
                    ? TlsProblems.corrupt(PemRole.KEY, paths)
                    : TlsProblems.unsupportedKey(paths, "algorithm " + algorithm);
        }
    }
}
