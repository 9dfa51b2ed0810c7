package io.runserverplus.core.tls;

import io.runserverplus.core.settings.CertificatePaths;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Locale;

/**
 * Whether a private key belongs to a certificate. Comparing key fields works for RSA, but an EC
 * private key holds no public point; signing a random challenge and verifying it with the
 * certificate's public key works for every signature algorithm the same way.
 */
final class KeyMatch {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyMatch() {
    }

    static void check(PrivateKey key, PublicKey certificateKey, CertificatePaths paths) {
        String algorithm = signatureAlgorithm(key.getAlgorithm());
        if (algorithm == null) {
            throw TlsProblems.unsupportedKey(paths, key.getAlgorithm());
        }
        if (!sameFamily(key.getAlgorithm(), certificateKey.getAlgorithm())) {
            throw TlsProblems.mismatch(paths);
        }
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        boolean verified;
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificateKey);
            verifier.update(challenge);
            verified = verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException unusable) {
            // Keys of one family that still cannot work together, e.g. EC keys on different curves.
            verified = false;
        }
        if (!verified) {
            throw TlsProblems.mismatch(paths);
        }
    }

    /** The algorithms a JDK TLS server can sign its handshake with; null for the rest (DSA, ...). */
    private static String signatureAlgorithm(String keyAlgorithm) {
        return switch (keyAlgorithm.toUpperCase(Locale.ROOT)) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "ED25519", "ED448", "EDDSA" -> "EdDSA";
            default -> null;
        };
    }

    private static boolean sameFamily(String keyAlgorithm, String certificateAlgorithm) {
        String key = keyAlgorithm.toUpperCase(Locale.ROOT);
        String certificate = certificateAlgorithm.toUpperCase(Locale.ROOT);
        return key.equals(certificate) || key.startsWith("ED") && certificate.startsWith("ED");
    }
}
