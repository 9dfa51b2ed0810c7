package io.runserverplus.core.tls;

import io.runserverplus.core.settings.CertificatePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a PEM file as text after the checks that turn a wrong path into a clear sentence: a
 * directory, a device, a huge file, no permission, nothing in it, or binary DER instead of PEM.
 */
final class PemFileReader {

    /** Reads a file's bytes; tests replace it, e.g. to deny permission even when they run as root. */
    @FunctionalInterface
    interface FileBytes {
        byte[] read(Path file) throws IOException;
    }

    static final FileBytes FILE_SYSTEM = Files::readAllBytes;

    // Real PEM certificates and keys are a few KiB; a bigger file is the wrong file.
    private static final long MAX_BYTES = 1 << 20;
    private static final int DER_SEQUENCE = 0x30;

    private final FileBytes fileBytes;
    private final CertificatePaths paths;

    PemFileReader(FileBytes fileBytes, CertificatePaths paths) {
        this.fileBytes = fileBytes;
        this.paths = paths;
    }

    String read(PemRole role) {
        Path file = role.file(paths);
        if (Files.isDirectory(file)) {
            throw TlsProblems.directory(role, paths);
        }
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw TlsProblems.notRegularFile(role, paths);
            }
            if (Files.size(file) > MAX_BYTES) {
                throw TlsProblems.tooLarge(role, paths);
            }
            bytes = fileBytes.read(file);
        } catch (IOException unreadable) {
            throw TlsProblems.unreadable(role, paths, unreadable);
        }
        // ISO-8859-1 maps every byte, so a binary file still reaches the checks below.
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.isBlank()) {
            throw TlsProblems.empty(role, paths);
        }
        if ((bytes[0] & 0xff) == DER_SEQUENCE && !text.contains("-----BEGIN ")) {
            throw TlsProblems.der(role, paths);
        }
        return text;
    }
}
