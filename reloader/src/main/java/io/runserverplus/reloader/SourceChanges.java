package io.runserverplus.reloader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns a batch of changed files into the class-directory changes the app must be reloaded for:
 * changed {@code .java} files are compiled (with every class that may depend on them when a
 * signature changed), changed resources are copied, and the supervisor's own writes, seen again
 * as change events, are dropped.
 */
final class SourceChanges implements AutoCloseable {

    /**
     * @param reload    what changed for the app: class directory files and anything else watched
     * @param errors    javac's errors; non-empty means the sources do not compile as they are
     * @param compiled  whether a compile succeeded in this batch
     * @param notes     lines for the terminal
     * @param cause     the first changed file that is not the supervisor's own write, to name on the terminal
     */
    record Outcome(Set<Path> reload, List<CompileError> errors, boolean compiled, List<String> notes, Path cause) {
    }

    private final List<SourceSet> sets;
    private final SourceCompiler compiler;
    private final OwnWrites own = new OwnWrites();
    /** Per Java source set, the files of a compile that failed: compiled again with the next change. */
    private final Map<SourceSet, Set<Path>> failed = new LinkedHashMap<>();

    SourceChanges(List<SourceSet> sets, SourceCompiler compiler) {
        this.sets = List.copyOf(sets);
        this.compiler = compiler;
    }

    /**
     * Compile on change for the supervisor's source sets, or null when it has none; without javac
     * (a JRE) the terminal says once that changed sources are not compiled.
     */
    static SourceChanges open(SupervisorSettings settings) {
        if (settings.sourceSets().isEmpty()) {
            return null;
        }
        SourceCompiler compiler;
        try {
            compiler = SourceCompiler.create(CompileOptions.compileClassPath(settings.classPath()),
                    settings.compileOptions()).orElse(null);
        } catch (LinkageError e) {
            compiler = null;
        }
        if (compiler != null && settings.hotswap()) {
            compiler.keepWarmBetweenSaves();
        }
        if (compiler == null) {
            settings.err().println(" * Changed .java files are not compiled: javac is not available here (a JRE,"
                    + " or on the module path without --add-modules jdk.compiler); run the supervisor on a JDK,"
                    + " or compile them in your IDE.");
        }
        return new SourceChanges(settings.sourceSets(), compiler);
    }

    /** The watched directories, and the source directories of {@code changes} (may be null) outside them. */
    static io.runserverplus.spi.WatchRequest watchedWith(io.runserverplus.spi.WatchRequest watch, SourceChanges changes) {
        if (changes == null) {
            return watch;
        }
        var roots = new java.util.ArrayList<>(watch.roots());
        changes.sourceDirectories().stream()
                .filter(dir -> roots.stream().noneMatch(root -> dir.startsWith(root.toAbsolutePath().normalize())))
                .forEach(roots::add);
        return new io.runserverplus.spi.WatchRequest(roots, watch.excludes(), watch.pollInterval());
    }

    /** The source directories to watch besides the class directories. */
    List<Path> sourceDirectories() {
        return sets.stream().map(SourceSet::sources).distinct().toList();
    }

    Outcome apply(Set<Path> changed) {
        var reload = new LinkedHashSet<Path>();
        var notes = new ArrayList<String>();
        Map<SourceSet, Set<Path>> toCompile = new LinkedHashMap<>();
        boolean sourceDeleted = false;
        Path cause = null;
        for (Path path : changed) {
            SourceSet set = sets.stream().filter(s -> s.holds(path)).findFirst().orElse(null);
            if (cause == null && (set != null || !own.isOwn(path))) {
                cause = path;
            }
            try {
                if (set == null) {
                    if (!own.isOwn(path)) {
                        reload.add(path);
                    }
                } else if (set.resources()) {
                    copyResource(set, path, reload);
                } else if (path.toString().endsWith(".java") && compiler != null) {
                    if (!Files.exists(path)) {
                        reload.addAll(deleteClassesOf(set, path));
                        sourceDeleted = true;
                    } else if (!compiledByOthers(set, path)) {
                        toCompile.computeIfAbsent(set, s -> new LinkedHashSet<>()).add(path);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // One file the supervisor cannot read or write stops nothing else.
                notes.add(" * Cannot bring '" + path + "' into " + (set == null ? "the app" : "'" + set.classes() + "'")
                        + ": " + e.getMessage());
            }
        }
        failed.forEach((set, files) -> toCompile.computeIfAbsent(set, s -> new LinkedHashSet<>()).addAll(files));
        if (sourceDeleted) {
            // Whatever used the deleted classes must fail to compile now rather than fail at run time.
            sets.stream().filter(s -> !s.resources()).forEach(s -> toCompile.put(s, allSources(s)));
        }
        var errors = new ArrayList<CompileError>();
        boolean compiled = compile(toCompile, sourceDeleted, reload, errors, notes);
        return new Outcome(reload, errors, compiled, notes, cause != null ? cause : changed.iterator().next());
    }

    private boolean compile(Map<SourceSet, Set<Path>> toCompile, boolean whole, Set<Path> reload,
            List<CompileError> errors, List<String> notes) {
        boolean compiled = false;
        for (var entry : toCompile.entrySet()) {
            SourceSet set = entry.getKey();
            List<Path> files = entry.getValue().stream().filter(Files::isRegularFile).toList();
            if (files.isEmpty()) {
                failed.remove(set);
                continue;
            }
            long start = System.nanoTime();
            SourceCompiler.Result result = compiler.compile(set, files, !whole);
            if (result.ok() && result.signatureChanged()) {
                // Correct before fast: every class of every source set compiles again, so nothing
                // that used the old signature (or an inlined constant) is left behind.
                var everything = new LinkedHashMap<SourceSet, Set<Path>>();
                sets.stream().filter(s -> !s.resources()).forEach(s -> everything.put(s, allSources(s)));
                notes.add(" * A signature changed in " + describe(files) + ": compiling every source again");
                return compile(everything, true, reload, errors, notes);
            }
            String summary = " * Compiled " + describe(files) + " in " + (System.nanoTime() - start) / 1_000_000
                    + " ms";
            if (!result.ok()) {
                failed.put(set, new LinkedHashSet<>(files));
                errors.addAll(result.errors());
                continue;
            }
            failed.remove(set);
            compiled = true;
            compiler.compiled(result);
            try {
                int written = 0;
                for (var output : result.classes().entrySet()) {
                    if (own.write(output.getKey(), output.getValue())) {
                        reload.add(output.getKey());
                        written++;
                    }
                }
                for (Path stale : staleNestedClasses(set, files, result.classes().keySet())) {
                    if (own.delete(stale)) {
                        reload.add(stale);
                    }
                }
                notes.add(summary + (written == 0 ? ", no class file changed" : ""));
            } catch (IOException e) {
                errors.add(new CompileError(null, 0, 0, "Cannot write the class files to " + set.classes() + ": "
                        + e.getMessage(), 0, List.of()));
            }
        }
        return compiled;
    }

    private static String describe(Collection<Path> files) {
        return files.size() == 1 ? "'" + files.iterator().next().getFileName() + "'" : files.size() + " files";
    }

    /** An IDE that builds on save wrote the class file after the source: nothing to compile. */
    private boolean compiledByOthers(SourceSet set, Path source) throws IOException {
        Path classFile = classFileOf(set, source);
        return Files.isRegularFile(classFile) && !own.isOwn(classFile)
                && Files.getLastModifiedTime(classFile).compareTo(Files.getLastModifiedTime(source)) > 0;
    }

    private static Path classFileOf(SourceSet set, Path source) {
        String relative = set.sources().relativize(source).toString();
        return set.classes().resolve(relative.substring(0, relative.length() - ".java".length()) + ".class");
    }

    /** {@code A.class} and {@code A$*.class} of a source {@code A.java}. */
    private static List<Path> classFilesOf(SourceSet set, Path source) throws IOException {
        Path main = classFileOf(set, source);
        String name = main.getFileName().toString();
        String prefix = name.substring(0, name.length() - ".class".length()) + "$";
        if (!Files.isDirectory(main.getParent())) {
            return List.of();
        }
        try (Stream<Path> siblings = Files.list(main.getParent())) {
            return siblings.filter(p -> p.equals(main) || p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".class")).toList();
        }
    }

    private List<Path> deleteClassesOf(SourceSet set, Path source) throws IOException {
        var deleted = new ArrayList<Path>();
        for (Path classFile : classFilesOf(set, source)) {
            if (own.delete(classFile)) {
                deleted.add(classFile);
            }
        }
        return deleted;
    }

    /** Nested classes a compiled source no longer has (a removed lambda holder, an inner class). */
    private static List<Path> staleNestedClasses(SourceSet set, List<Path> sources, Set<Path> written) throws IOException {
        var stale = new ArrayList<Path>();
        for (Path source : sources) {
            classFilesOf(set, source).stream().filter(p -> !written.contains(p)).forEach(stale::add);
        }
        return stale;
    }

    private void copyResource(SourceSet set, Path path, Set<Path> reload) throws IOException {
        Path target = set.classes().resolve(set.sources().relativize(path).toString());
        if (Files.isDirectory(path)) {
            return;
        }
        if (!Files.exists(path)) {
            if (own.delete(target)) {
                reload.add(target);
            }
        } else if (own.write(target, Files.readAllBytes(path))) {
            reload.add(target);
        }
    }

    private static Set<Path> allSources(SourceSet set) {
        try (Stream<Path> walk = Files.walk(set.sources())) {
            return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** Gets javac ready for the first save, in the background (see {@link SourceCompiler#warmUp}). */
    void warmUp() {
        if (compiler != null) {
            sets.stream().filter(set -> !set.resources()).findFirst().ifPresent(compiler::warmUp);
        }
    }

    @Override
    public void close() {
        if (compiler != null) {
            compiler.close();
        }
    }
}
