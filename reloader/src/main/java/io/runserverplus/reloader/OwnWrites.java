package io.runserverplus.reloader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The files the supervisor wrote or deleted in the watched class directories, by content: their
 * change events, and an IDE's write of the same bytes (javac with the same options), are not a
 * reason to reload again. A different content is, whoever wrote it.
 */
final class OwnWrites {

    private static final String DELETED = "deleted";

    private final Map<Path, String> hashes = new HashMap<>();

    /** Writes {@code bytes} unless the file already holds them; returns whether it wrote. */
    boolean write(Path file, byte[] bytes) throws IOException {
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
            hashes.put(file, hash(bytes));
            return false;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        hashes.put(file, hash(bytes));
        return true;
    }

    /** Deletes the file if it exists; returns whether it did. */
    boolean delete(Path file) throws IOException {
        hashes.put(file, DELETED);
        return Files.deleteIfExists(file);
    }

    /** Whether the file is as the supervisor left it. */
    boolean isOwn(Path file) {
        String expected = hashes.get(file);
        if (expected == null) {
            return false;
        }
        if (!Files.isRegularFile(file)) {
            return expected.equals(DELETED) && !Files.exists(file);
        }
        try {
            return expected.equals(hash(Files.readAllBytes(file)));
        } catch (IOException e) {
            return false;
        }
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
