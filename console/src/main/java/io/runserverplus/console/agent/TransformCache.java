package io.runserverplus.console.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.objectweb.asm.ClassWriter;

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
     * The transform's own version: a hash of the class files that make it (a changed instrumenter
     * changes it even if nobody bumped {@link #FORMAT}) and of ASM's reader and writers.
     */
    static final String VERSION = version(ClassInstrumenter.class, MethodInstrumenter.class, MayThrow.class,
            RecordHelpers.class, LocalsReplay.class);
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
     * {@link #FORMAT} and a hash of it, of the class files of {@code classes} and their nest members,
     * and of ASM's reader and writers. Never fails: if a class file cannot be read, a random value,
     * so that nothing cached is ever reused (slower, never wrong).
     */
    static String version(Class<?>... classes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(FORMAT.getBytes(StandardCharsets.US_ASCII));
            for (Class<?> type : classes) {
                for (Class<?> member : type.getNestMembers()) {
                    digest.update(classFile(member, member.getName()));
                }
            }
            for (String asm : new String[] {"ClassReader", "ClassWriter", "MethodWriter"}) {
                digest.update(classFile(ClassWriter.class, asm));
            }
            return FORMAT + "-" + HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException | IOException | RuntimeException e) {
            return FORMAT + "-" + java.util.UUID.randomUUID();
        }
    }

    /** The class file of class {@code name} (simple or qualified) in the package of {@code anchor}. */
    private static byte[] classFile(Class<?> anchor, String name) throws IOException {
        String file = name.substring(name.lastIndexOf('.') + 1) + ".class";
        try (InputStream in = anchor.getResourceAsStream(file)) {
            if (in == null) {
                throw new IOException("missing " + file);
            }
            return in.readAllBytes();
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
