package io.runserverplus.console.agent;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Transformed class files by a hash of the original bytes, in memory and optionally on disk.
 *
 * <p>Transforming about 1,000 classes tripled start-up in the spike; the reloader restarts the
 * child with mostly unchanged classes, so a disk cache makes those restarts cheap again. An empty
 * file records "left unchanged". The key includes {@link #VERSION}, so that an agent whose
 * transform differs in any way never reuses the output of another.
 */
final class TransformCache {
    /** Bump when what the cached bytes mean changes (for example the recorder's API). */
    static final String FORMAT = "capture-2";
    /**
     * Which agent made the cached bytes: {@link #FORMAT} and the identity of the code the transform
     * comes from, so that a changed instrumenter never reuses another's output even if nobody bumped
     * {@link #FORMAT}. Its files' sizes and modification times, not their contents: reading and
     * hashing the class files at each start cost 35-55 ms of class-path lookups and class loading,
     * about what the whole warm cache saves.
     */
    static final String VERSION = version(codeSource());
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
            digest.update(VERSION.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /**
     * {@link #FORMAT} and a hash of {@code location}'s identity: for a jar its path, size and
     * modification time; for a directory (a reactor build, an IDE) the same of each file of this
     * package in it. Never fails: if {@code location} is unknown, a random value, so that nothing
     * cached is ever reused (slower, never wrong).
     */
    static String version(Path location) {
        try {
            StringBuilder identity = new StringBuilder(FORMAT).append('\n').append(location);
            if (Files.isDirectory(location)) {
                Path dir = location.resolve(TransformCache.class.getPackageName().replace('.', '/'));
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.sorted().toList()) {
                        identity.append('\n').append(file.getFileName()).append(' ').append(stamp(file));
                    }
                }
            } else {
                identity.append(' ').append(stamp(location));
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return FORMAT + "-" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException | IOException | RuntimeException e) {
            return FORMAT + "-" + UUID.randomUUID();
        }
    }

    private static String stamp(Path file) throws IOException {
        return Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
    }

    /** Where this class was loaded from, or null. */
    private static Path codeSource() {
        try {
            CodeSource source = TransformCache.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
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
