package io.runserverplus.reloader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The options javac gets for a source set, as the project's build would give them: the release
 * the plugin passes (else the one of the class files already there), the sources' encoding, and
 * the annotation processors the build runs.
 */
final class JavacOptions {

    private final String classPath;
    private final CompileOptions options;
    private final boolean processorsOnClassPath;
    private final Map<Path, Optional<Integer>> releases = new ConcurrentHashMap<>();

    JavacOptions(String classPath, CompileOptions options) {
        this.classPath = classPath;
        this.options = options;
        this.processorsOnClassPath = declaresProcessors(classPath);
    }

    /** To read the class path's classes (a class file's API), no source compiled. */
    List<String> toRead(SourceSet set) {
        var options = new ArrayList<String>(List.of("-proc:none", "-cp", classPath));
        release(set).ifPresent(release -> options.addAll(List.of("--release", release.toString())));
        return options;
    }

    /** To compile a source of the set as the build does; {@code processors}: whether annotation processors run. */
    List<String> toCompile(SourceSet set, boolean processors) {
        var javacOptions = new ArrayList<>(List.of("-g", "-parameters", "-implicit:none", "-Xlint:none",
                "-encoding", options.encoding().name(), "-cp", classPath, "-sourcepath", ""));
        release(set).ifPresent(release -> javacOptions.addAll(List.of("--release", release.toString())));
        if (!processors) {
            javacOptions.add("-proc:none");
        } else if (options.processorPath().isEmpty() && options.processors().isEmpty()) {
            // Processors on the class path (Lombok under an IDE run or java -cp) run as the build
            // ran them (javac before 23 found them there by default); without any, none run.
            javacOptions.add(processorsOnClassPath ? "-proc:full" : "-proc:none");
        } else {
            if (!options.processorPath().isEmpty()) {
                javacOptions.addAll(List.of("-processorpath", String.join(java.io.File.pathSeparator,
                        options.processorPath().stream().map(Path::toString).toList())));
            }
            if (!options.processors().isEmpty()) {
                javacOptions.addAll(List.of("-processor", String.join(",", options.processors())));
            }
        }
        return javacOptions;
    }

    /** The configured release, else the one of the class files already in the set's class directory. */
    private Optional<Integer> release(SourceSet set) {
        if (options.release().isPresent()) {
            return Optional.of(options.release().getAsInt());
        }
        return releases.computeIfAbsent(set.classes(), JavacOptions::releaseOfClassFiles);
    }

    /** The release of the first class file found (its major version less 44); empty: none, or newer than this JDK. */
    static Optional<Integer> releaseOfClassFiles(Path classes) {
        try (Stream<Path> walk = Files.walk(classes)) {
            Optional<Path> first = walk.filter(p -> p.toString().endsWith(".class")
                    && !p.getFileName().toString().equals("module-info.class")).findFirst();
            if (first.isEmpty()) {
                return Optional.empty();
            }
            byte[] header = new byte[8];
            try (InputStream in = Files.newInputStream(first.get())) {
                if (in.readNBytes(header, 0, 8) < 8) {
                    return Optional.empty();
                }
            }
            int release = ((header[6] & 0xff) << 8 | (header[7] & 0xff)) - 44;
            return release >= 8 && release <= Runtime.version().feature() ? Optional.of(release) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static final String PROCESSOR_SERVICE = "META-INF/services/javax.annotation.processing.Processor";

    /** Whether an entry of the class path (a jar or a directory) declares an annotation processor. */
    static boolean declaresProcessors(String classPath) {
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                if (Files.isRegularFile(path.resolve(PROCESSOR_SERVICE))) {
                    return true;
                }
            } else if (Files.isRegularFile(path)) {
                try (var jar = new java.util.zip.ZipFile(path.toFile())) {
                    if (jar.getEntry(PROCESSOR_SERVICE) != null) {
                        return true;
                    }
                } catch (IOException e) {
                    // not a jar: nothing declared
                }
            }
        }
        return false;
    }
}
