package io.runserverplus.core.settings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * runserver_plus's rules for the certificate and key paths: {@code hello} means {@code hello.crt}
 * and {@code hello.key}; a file without an extension gets {@code .crt} or {@code .key}; a file
 * without a directory takes the other file's; a missing file is named after the other one.
 * Applying the rules twice changes nothing, so {@link TlsSettings} can apply them on construction.
 */
public record CertificatePaths(Path certFile, Path keyFile) {

    static final String CERT_EXTENSION = ".crt";
    static final String KEY_EXTENSION = ".key";

    public static CertificatePaths complete(Optional<Path> cert, Optional<Path> key) {
        if (cert.isEmpty() && key.isEmpty()) {
            throw new IllegalArgumentException("neither a certificate nor a key file is given");
        }
        return new CertificatePaths(derive(cert, key, CERT_EXTENSION), derive(key, cert, KEY_EXTENSION));
    }

    /** {@code null} or blank is "not given"; {@code ~} stands for the home directory, as in a shell. */
    public static Optional<Path> fromText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String path = text.strip();
        if (path.equals("~") || path.startsWith("~/")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Optional.of(Path.of(path));
    }

    private static Path derive(Optional<Path> own, Optional<Path> other, String defaultExtension) {
        Path named = own.orElseGet(other::orElseThrow);
        String fileName = fileName(named);
        String stem = fileName.substring(0, fileName.length() - extension(fileName).length());
        String extension = own.isPresent() ? extension(fileName) : ""; // never the other file's extension
        Path directory = own.map(Path::getParent).or(() -> other.map(Path::getParent)).orElse(null);
        Path file = named.getFileSystem().getPath(stem + (extension.isEmpty() ? defaultExtension : extension));
        return directory == null ? file : directory.resolve(file);
    }

    private static String fileName(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            throw new SettingsException("\"" + path + "\" names no file; give a certificate file such as certs/dev.crt"
                    + " with --cert-file or a key file with --key-file.");
        }
        return name.toString();
    }

    /** The extension as Python's {@code os.path.splitext} sees it: leading dots do not start one. */
    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        int firstOther = 0;
        while (firstOther < fileName.length() && fileName.charAt(firstOther) == '.') {
            firstOther++;
        }
        return dot > firstOther ? fileName.substring(dot) : "";
    }
}
