package io.runserverplus.core.tls;

import io.runserverplus.core.settings.CertificatePaths;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;

/**
 * Writes a generated pair as PEM: the certificate as {@code CERTIFICATE}, the key unencrypted as
 * PKCS#8 {@code PRIVATE KEY}, the form OpenSSL 3, the JDK and most servers read. The key file is
 * created owner-only (rw-------) from the start, so it is never readable by others, not even briefly.
 */
final class PemFileWriter {

    private static final Set<PosixFilePermission> OWNER_ONLY =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private PemFileWriter() {
    }

    static void write(List<X509Certificate> chain, PrivateKey key, CertificatePaths paths) {
        String keyPem = pkcs8(key);
        StringBuilder certificatePem = new StringBuilder();
        chain.forEach(certificate -> certificatePem.append(pem(certificate)));
        boolean keyWritten = false;
        try {
            create(paths.keyFile(), keyPem, PemRole.KEY, paths, true);
            keyWritten = true;
            create(paths.certFile(), certificatePem.toString(), PemRole.CERTIFICATE, paths, false);
        } catch (RuntimeException failed) {
            // Leave no half pair behind: the next start would refuse a lone key file.
            if (keyWritten) {
                deleteQuietly(paths.keyFile());
            }
            throw failed;
        }
    }

    private static void create(Path file, String text, PemRole role, CertificatePaths paths, boolean secret) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
            FileAttribute<?>[] attributes = secret && posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            Files.createFile(file, attributes); // fails rather than overwrite anything
            if (secret && posix) {
                Files.setPosixFilePermissions(file, OWNER_ONLY); // the umask cannot widen it, but be explicit
            }
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException failed) {
            throw TlsProblems.cannotWrite(role, paths, failed);
        }
    }

    private static String pkcs8(PrivateKey key) {
        try {
            return pem(new JcaPKCS8Generator(key, null));
        } catch (PemGenerationException impossible) {
            throw new IllegalStateException("cannot encode the generated key as PKCS#8", impossible);
        }
    }

    private static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException impossible) {
            throw new UncheckedIOException("cannot encode PEM in memory", impossible);
        }
        return text.toString();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The write error that brought us here is the one worth reporting.
        }
    }
}
