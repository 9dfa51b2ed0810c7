package io.runserverplus.benchmarks.fixes;

import io.runserverplus.core.source.SourceFile;
import io.runserverplus.core.source.SourceLocator;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Proposed fix 1: keep the {@link SourceFile}s found instead of reading, decoding and splitting
 * the same file again for every frame of every capture (a recursion puts the same file on the
 * page a hundred times; a JDK entry is inflated from {@code src.zip} each time). Entries of
 * archives ({@code src.zip}, {@code -sources.jar}) do not change while the server runs and are
 * kept as they are; a file from the application's source roots is kept with its modification
 * time and size and read again when either changes (the developer edits it). Keeping the same
 * {@code SourceFile} also keeps its text's hash, which the parse and highlight caches' keys use.
 * A real change would live in {@code DefaultSourceLocator} and bound the cache.
 */
public final class CachingSourceLocator implements SourceLocator {

    private record Kept(Optional<SourceFile> file, Path path, long modified, long size) {
    }

    private final SourceLocator delegate;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    public CachingSourceLocator(SourceLocator delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<SourceFile> locate(String className, String fileName, String moduleName,
                                       Optional<URL> classFile) {
        String key = className + '\0' + fileName + '\0' + moduleName;
        Kept known = kept.get(key);
        if (known != null && (known.path() == null || unchanged(known))) {
            return known.file();
        }
        Optional<SourceFile> found = delegate.locate(className, fileName, moduleName, classFile);
        if (found.isPresent()) {
            String where = found.get().displayPath();
            if (where.contains("!/")) {
                kept.put(key, new Kept(found, null, 0, 0));
            } else {
                attributes(Path.of(where)).ifPresent(attributes -> kept.put(key, new Kept(found, Path.of(where),
                        attributes.lastModifiedTime().toMillis(), attributes.size())));
            }
        }
        return found;
    }

    private static boolean unchanged(Kept known) {
        return attributes(known.path())
                .map(now -> now.lastModifiedTime().toMillis() == known.modified() && now.size() == known.size())
                .orElse(false);
    }

    private static Optional<BasicFileAttributes> attributes(Path path) {
        try {
            return Optional.of(Files.readAttributes(path, BasicFileAttributes.class));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }
}
