package io.runserverplus.core.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes a self-signed server certificate as Werkzeug's {@code generate_adhoc_ssl_pair} does (RSA
 * 2048, SHA-256, serverAuth, a year), with the SubjectAltName browsers need. Keys and signatures come
 * from the JDK's providers; Bouncy Castle only builds the certificate, so we never register it as a
 * JCA provider in the user's JVM.
 */
final class CertificateGenerator {

    static final int KEY_BITS = 2048;
    static final Duration BACKDATE = Duration.ofDays(1); // tolerate a client clock a little behind
    static final Duration LIFETIME = Duration.ofDays(365);
    static final String ORGANIZATION = "RunServerPlus development certificate";

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateGenerator() {
    }

    /** A new key pair and certificate for {@code bindHost} (may be null or a wildcard address). */
    static Generated generate(String bindHost) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(KEY_BITS, RSAKeyGenParameterSpec.F4), RANDOM);
            KeyPair pair = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, ORGANIZATION)
                    .addRDN(BCStyle.CN, SubjectAltNames.commonName(bindHost))
                    .build();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serialNumber(),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(LIFETIME)), subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, SubjectAltNames.forHost(bindHost));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new Generated(List.of(certificate), pair);
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException impossible) {
            // RSA, SHA-256 and X.509 are mandatory in every JDK; nothing here depends on the user.
            throw new IllegalStateException("cannot generate a development certificate", impossible);
        }
    }

    /** Random, positive and exactly 128 bits, so it never encodes as zero or negative. */
    private static BigInteger serialNumber() {
        return new BigInteger(128, RANDOM).setBit(127);
    }

    record Generated(List<X509Certificate> chain, KeyPair pair) {
    }
}
