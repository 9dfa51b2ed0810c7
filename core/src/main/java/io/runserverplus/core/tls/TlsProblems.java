package io.runserverplus.core.tls;

import io.runserverplus.core.settings.CertificatePaths;
import io.runserverplus.core.settings.SettingsException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Every sentence a user can see about the certificate and key files, in one place so the wording
 * stays consistent: the file, what is wrong, and what to do.
 */
final class TlsProblems {

    private TlsProblems() {
    }

    static SettingsException directory(PemRole role, CertificatePaths paths) {
        return fail(role, paths, "is a directory; pass the path of a PEM file with " + role.option() + ".");
    }

    static SettingsException notRegularFile(PemRole role, CertificatePaths paths) {
        return fail(role, paths, "is not a regular file; pass the path of a PEM file with " + role.option() + ".");
    }

    static SettingsException tooLarge(PemRole role, CertificatePaths paths) {
        return fail(role, paths, "is too large to be a PEM file; pass the path of a PEM file with " + role.option() + ".");
    }

    static SettingsException unreadable(PemRole role, CertificatePaths paths, IOException cause) {
        return fail(role, paths, "cannot be read (" + reason(cause) + "); make it readable for the user running"
                + " the server or pass another file with " + role.option() + ".");
    }

    static SettingsException empty(PemRole role, CertificatePaths paths) {
        String content = role == PemRole.CERTIFICATE ? "a PEM certificate" : "the PEM private key";
        return fail(role, paths, "is empty; put " + content + " in it or " + deleteBoth(role, paths));
    }

    static SettingsException der(PemRole role, CertificatePaths paths) {
        Path file = role.file(paths);
        String tool = role == PemRole.CERTIFICATE ? "x509" : "pkey";
        return fail(role, paths, "is in binary DER form, not PEM; convert it with \"openssl " + tool + " -inform der -in "
                + file + " -out " + file + ".pem\" and pass the .pem file with " + role.option() + ".");
    }

    static SettingsException noPem(PemRole role, CertificatePaths paths) {
        String wanted = role == PemRole.CERTIFICATE
                ? "holds no PEM certificate (-----BEGIN CERTIFICATE-----); pass a PEM certificate"
                : "holds no PEM private key (-----BEGIN PRIVATE KEY-----); pass the certificate's key";
        return fail(role, paths, wanted + " with " + role.option() + " or " + deleteBoth(role, paths));
    }

    static SettingsException corrupt(PemRole role, CertificatePaths paths) {
        return fail(role, paths, "is not valid PEM (a BEGIN/END block cannot be decoded); replace it with an intact"
                + " copy or " + deleteBoth(role, paths));
    }

    static SettingsException swapped(PemRole role, CertificatePaths paths) {
        String holds = role == PemRole.CERTIFICATE ? "a private key, not a certificate" : "a certificate, not a private key";
        return fail(role, paths, "holds " + holds + "; check that --cert-file and --key-file are not swapped.");
    }

    static SettingsException notAChain(CertificatePaths paths, int issuer, int issued) {
        return fail(PemRole.CERTIFICATE, paths, "holds certificates that do not form a chain (certificate " + issuer
                + " did not issue certificate " + issued + "); put the server certificate first, then each issuer in order.");
    }

    static SettingsException encrypted(CertificatePaths paths) {
        Path key = paths.keyFile();
        return fail(PemRole.KEY, paths, "is encrypted, and encrypted keys are not supported; decrypt it with \"openssl pkey -in "
                + key + " -out " + decryptedName(key) + "\" and pass that file with --key-file.");
    }

    static SettingsException unsupportedKey(CertificatePaths paths, String algorithm) {
        return fail(PemRole.KEY, paths, "holds a " + algorithm + " key, which is not supported; use an RSA or EC key.");
    }

    static SettingsException mismatch(CertificatePaths paths) {
        return fail(PemRole.KEY, paths, "does not belong to the certificate in \"" + paths.certFile()
                + "\"; pass the certificate's own key with --key-file or delete both files to have a new pair generated.");
    }

    static SettingsException onlyOneExists(PemRole existing, CertificatePaths paths) {
        PemRole missing = existing.other();
        String thing = missing == PemRole.KEY ? "key" : "certificate";
        return fail(existing, paths, "exists but " + missing.label().toLowerCase(java.util.Locale.ROOT) + " \""
                + missing.file(paths) + "\" does not; pass its " + thing + " with " + missing.option() + " or delete \""
                + existing.file(paths) + "\" to have a new pair generated.");
    }

    static SettingsException cannotWrite(PemRole role, CertificatePaths paths, IOException cause) {
        String what = role == PemRole.CERTIFICATE ? "certificate" : "key";
        return new SettingsException("Cannot write the generated " + what + " to \"" + role.file(paths) + "\" ("
                + reason(cause) + "); choose a writable location with " + role.option() + ".");
    }

    private static SettingsException fail(PemRole role, CertificatePaths paths, String rest) {
        return new SettingsException(role.label() + " \"" + role.file(paths) + "\" " + rest);
    }

    private static String deleteBoth(PemRole role, CertificatePaths paths) {
        return "delete it and \"" + role.other().file(paths) + "\" to have a new pair generated.";
    }

    /** {@code certs/dev.key} becomes {@code certs/dev-decrypted.key}: a new file, never the encrypted one. */
    private static Path decryptedName(Path key) {
        String name = key.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String decrypted = dot > 0 ? name.substring(0, dot) + "-decrypted" + name.substring(dot) : name + "-decrypted";
        return key.resolveSibling(decrypted);
    }

    /** The operating system's reason in a few words; the exception's own text repeats the path. */
    static String reason(IOException cause) {
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (cause instanceof FileAlreadyExistsException exists) {
            return "\"" + exists.getFile() + "\" is in the way";
        }
        if (cause instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
