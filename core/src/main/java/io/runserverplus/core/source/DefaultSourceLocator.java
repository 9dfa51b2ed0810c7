package io.runserverplus.core.source;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Looks for sources in the application's source roots, then in a {@code -sources.jar} beside the
 * class's jar (where Maven puts it in the local repository), then in the JDK's {@code lib/src.zip}.
 * Archives stay open once found because a page reads many entries of the same few archives, and
 * files once read are kept (application files until their modification time or size changes):
 * a page shows many frames of the same few files, and reading, inflating and splitting them once
 * per frame made a 150-frame page cost 27 ms instead of under 1 ms.
 */
@Singleton
public class DefaultSourceLocator implements SourceLocator {

    private final List<Path> sourceRoots;
    private final Path jdkSources;
    private static final int CACHED_FILES = 256;

    private final Map<Path, Optional<ZipFile>> archives = new ConcurrentHashMap<>();
    private final Map<String, Cached> files = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                    return size() > CACHED_FILES;
                }
            });

    /** A file as read, with the stamp (modification time and size; 0 for archive entries) it had. */
    private record Cached(SourceFile file, long modified, long size) {
    }

    @Inject
    public DefaultSourceLocator(SourceRoots sourceRoots) {
        this(sourceRoots.directories(), Path.of(System.getProperty("java.home"), "lib", "src.zip"));
    }

    DefaultSourceLocator(List<Path> sourceRoots, Path jdkSources) {
        this.sourceRoots = List.copyOf(sourceRoots);
        this.jdkSources = jdkSources;
    }

    @Override
    public Optional<SourceFile> locate(String className, String fileName, String moduleName, Optional<URL> classFile) {
        if (fileName.isEmpty() || !fileName.endsWith(".java")) {
            return Optional.empty();
        }
        String relative = packagePath(className) + fileName;
        Optional<SourceFile> found = fromSourceRoots(relative);
        if (found.isEmpty()) {
            found = classFile.flatMap(url -> fromSourcesJar(url, relative));
        }
        if (found.isEmpty() && !moduleName.isEmpty()) {
            found = fromArchive(jdkSources, moduleName + "/" + relative);
        }
        return found;
    }

    private Optional<SourceFile> fromSourceRoots(String relative) {
        for (Path root : sourceRoots) {
            Path candidate = root.resolve(relative);
            java.nio.file.attribute.BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(candidate, java.nio.file.attribute.BasicFileAttributes.class);
            } catch (IOException absent) {
                continue;
            }
            if (!attributes.isRegularFile()) {
                continue;
            }
            long modified = attributes.lastModifiedTime().toMillis();
            String key = candidate.toString();
            Cached cached = files.get(key);
            if (cached != null && cached.modified() == modified && cached.size() == attributes.size()) {
                return Optional.of(cached.file());
            }
            try {
                SourceFile file = SourceFile.of(key, Files.readString(candidate));
                files.put(key, new Cached(file, modified, attributes.size()));
                return Optional.of(file);
            } catch (IOException | UncheckedIOException unreadable) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<SourceFile> fromSourcesJar(URL classFile, String relative) {
        String text = classFile.toString();
        if (!"jar".equals(classFile.getProtocol()) || !text.contains(".jar!/")) {
            return Optional.empty();
        }
        try {
            Path jar = Path.of(java.net.URI.create(text.substring(4, text.indexOf("!/"))));
            String name = jar.getFileName().toString();
            Path sources = jar.resolveSibling(name.substring(0, name.length() - 4) + "-sources.jar");
            return fromArchive(sources, relative);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException notAFile) {
            return Optional.empty();
        }
    }

    private Optional<SourceFile> fromArchive(Path archive, String entryName) {
        String key = archive + "!/" + entryName;
        Cached cached = files.get(key);
        if (cached != null) {
            return Optional.of(cached.file());
        }
        Optional<ZipFile> zip = archives.computeIfAbsent(archive, DefaultSourceLocator::open);
        if (zip.isEmpty()) {
            return Optional.empty();
        }
        ZipEntry entry = zip.get().getEntry(entryName);
        if (entry == null) {
            return Optional.empty();
        }
        try (InputStream in = zip.get().getInputStream(entry)) {
            SourceFile file = SourceFile.of(key, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            files.put(key, new Cached(file, 0, 0));
            return Optional.of(file);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<ZipFile> open(Path archive) {
        if (!Files.isRegularFile(archive)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ZipFile(archive.toFile()));
        } catch (IOException corrupt) {
            return Optional.empty();
        }
    }

    private static String packagePath(String className) {
        int lastDot = className.lastIndexOf('.');
        return lastDot < 0 ? "" : className.substring(0, lastDot).replace('.', '/') + "/";
    }
}
