package io.runserverplus.console.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Transformed class files by a hash of the original bytes, in memory and optionally on disk.
 *
 * <p>Transforming about 1,000 classes tripled start-up in the spike; the reloader restarts the
 * child with mostly unchanged classes, so a disk cache makes those restarts cheap again. An empty
 * file records "left unchanged". The key includes {@link #FORMAT} so a new agent never reuses the
 * output of an older one.
 */
final class TransformCache {
    /** Bump whenever the instrumentation changes. */
    static final String FORMAT = "capture-2";
    private static final byte[] UNCHANGED = new byte[0];

    private final Map<String, byte[]> memory = new ConcurrentHashMap<>();
    private final Path directory; // null: memory only

    /** @param directory the disk cache; null, or one others may write to, for memory only */
    TransformCache(Path directory) {
        this.directory = directory == null ? null : PrivateDirectory.open(directory);
    }

    /** The transformed bytes, or null for "unchanged", computing and storing them when missing. */
    byte[] get(byte[] original, Function<byte[], byte[]> transform) {
        String key = key(original);
        byte[] cached = memory.get(key);
        if (cached == null && directory != null) {
            cached = readDisk(key);
        }
        if (cached == null) {
            byte[] result = transform.apply(original);
            cached = result == null ? UNCHANGED : result;
            writeDisk(key, cached);
        }
        memory.put(key, cached);
        return cached.length == 0 ? null : cached;
    }

    private static String key(byte[] bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(FORMAT.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private byte[] readDisk(String key) {
        try {
            Path file = directory.resolve(key + ".class");
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException | RuntimeException e) {
            return null; // a cache miss: transform again
        }
    }

    private void writeDisk(String key, byte[] bytes) {
        if (directory == null) {
            return;
        }
        try {
            Files.createDirectories(directory);
            // Write then rename, so a concurrent child never reads half a file.
            Path temp = Files.createTempFile(directory, key, ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, directory.resolve(key + ".class"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // The cache is an optimisation only.
        }
    }
}
