package io.runserverplus.reloader;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles changed sources in this JVM with the JDK's javac, into memory: the caller writes the
 * class files that changed, so it knows which writes are its own. One file manager lives as long
 * as the supervisor, so the jars of the class path are opened once (a later compile takes a few
 * hundred milliseconds rather than seconds), and a warm-up in the background gets javac's own code
 * compiled by the JIT before the first saves (see {@link #warmUp}).
 *
 * <p>javac runs on a thread of its own that nothing interrupts: an interrupted thread that reads a
 * jar through NIO closes the jar's channel, and the shared file manager would fail from then on.
 */
final class SourceCompiler implements AutoCloseable {

    /**
     * @param classes          the class files, by where they go, of a successful compile
     * @param errors           javac's errors; none when the compile succeeded
     * @param signatureChanged whether a class already compiled before changed what others compile against
     *                         (false when not asked)
     * @param fingerprints     of the classes compiled, by name (see {@link ApiFingerprint})
     */
    record Result(Map<Path, byte[]> classes, List<CompileError> errors, boolean signatureChanged,
                  Map<String, String> fingerprints) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private final JavaCompiler javac;
    private final StandardJavaFileManager files;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            task -> Thread.ofPlatform().daemon().name("runserverplus-javac").unstarted(task));
    private final CompileOptions options;
    private final Path generatedSources;
    private final JavacOptions javacOptions;
    private final SignatureCheck signatures;
    private final HeapTrim heapTrim = new HeapTrim();
    /** Compiles asked for by saves, so far: the warm-up ends at the first. */
    private final AtomicLong compiles = new AtomicLong();
    private final AtomicInteger warmUpCompiles = new AtomicInteger();

    private SourceCompiler(JavaCompiler javac, String classPath, CompileOptions options) throws IOException {
        this.javac = javac;
        this.files = javac.getStandardFileManager(null, Locale.ROOT, options.encoding());
        this.options = options;
        this.javacOptions = new JavacOptions(classPath, options);
        this.signatures = new SignatureCheck(javac, files);
        // Sources that annotation processors generate go here, not into a watched directory.
        this.generatedSources = Files.createTempDirectory("runserverplus-generated");
        generatedSources.toFile().deleteOnExit();
    }

    /** Empty when this JVM has no compiler (a JRE), or the compiler's API is not readable. */
    static Optional<SourceCompiler> create(String classPath, CompileOptions options) {
        try {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            return javac == null ? Optional.empty() : Optional.of(new SourceCompiler(javac, classPath, options));
        } catch (IOException | LinkageError e) {
            return Optional.empty();
        }
    }

    /**
     * Compiles {@code sources} of {@code set}; waits for javac, whatever interrupts the caller.
     * {@code checkSignatures}: whether to tell if a signature changed (a compile of every source
     * need not know).
     */
    Result compile(SourceSet set, Collection<Path> sources, boolean checkSignatures) {
        long save = compiles.incrementAndGet();
        Future<Result> result = thread.submit(() -> {
            try {
                return compileNow(set, List.copyOf(sources), checkSignatures);
            } finally {
                heapTrim.afterCompile();
                if (keepWarm) {
                    warmUpInBackground(set, AFTER_SAVE_MILLIS, KEPT_WARM_COMPILES, save, KEPT_WARM_GAP_MILLIS);
                }
            }
        });
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    return new Result(Map.of(), List.of(new CompileError(null, 0, 0,
                            "javac failed: " + cause, 0, List.of())), false, Map.of());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Warm-up compiles: javac's first compiles run interpreted, and the JIT needs several to
     * catch up. Each one also leaves about half a megabyte that the supervisor's heap keeps (soft
     * references, which a JVM with a large maximum heap clears only after an hour or more), so
     * a few rather than the 30 after which javac stops getting faster.
     */
    static final int WARM_UP_COMPILES = 8;
    /** Between two warm-up compiles: the app and the standby JVM keep a core while javac warms. */
    private static final long WARM_UP_GAP_MILLIS = 100;

    /**
     * Loads javac, opens the class path's jars and gets javac's own code compiled by the JIT, on
     * javac's thread, without waiting: compiles the set's newest source (the one the user likely
     * edits next) into memory {@value #WARM_UP_COMPILES} times, each a task of its own, then reads
     * the API of its classes from their class files, which its first save compares with (see
     * {@link SignatureCheck}). The first save ends it: the warm-up compile under way stops at its
     * next phase, and no other starts (the saves warm javac from then on, and the heap is given
     * back after the last one).
     */
    void warmUp(SourceSet set) {
        warmUpInBackground(set, 0, WARM_UP_COMPILES, 0, WARM_UP_GAP_MILLIS);
    }

    /**
     * Under {@code --hotswap}, where javac's time is most of a save's way to the browser: warm-up
     * compiles go on between saves until {@value #KEPT_WARM_COMPILES} in all. With eight, the
     * compile of a save took 75-150 ms; after ~25 compiles it takes 30-50 ms. Each starts
     * {@value #AFTER_SAVE_MILLIS} ms after a save's compile (the redefinition and the browser's
     * refresh go first), {@value #KEPT_WARM_GAP_MILLIS} ms after the one before rather than the
     * start's {@value #WARM_UP_GAP_MILLIS} (javac warm by the third save rather than the fifth:
     * hot-swapped and served in a median 119-145 against 130-170 ms), and the next save stops
     * it, as at start. Without hot swap a save restarts the app, whose new JVM and the next
     * standby need both cores more than javac does.
     */
    void keepWarmBetweenSaves() {
        keepWarm = true;
    }

    static final int KEPT_WARM_COMPILES = 30;
    /** No restart follows a swap, so no new JVM needs the other core: the compiles come closer together. */
    private static final long KEPT_WARM_GAP_MILLIS = 20;
    private static final long AFTER_SAVE_MILLIS = 300;
    private volatile boolean keepWarm;

    /**
     * After {@code delayMillis}, warm-up compiles until there were {@code upTo} in all, each stopped
     * (at its next phase) by a save, after which none starts: while {@link #compiles} is still
     * {@code saves}. Then the heap is given back.
     */
    private void warmUpInBackground(SourceSet set, long delayMillis, int upTo, long saves, long gapMillis) {
        if (warmUpCompiles.get() >= upTo) {
            return;
        }
        Thread.ofVirtual().name("runserverplus-javac-warm-up").start(() -> {
            try {
                Thread.sleep(delayMillis);
                JavaFileObject source = newestSource(set);
                Set<String> types = ConcurrentHashMap.newKeySet();
                while (warmUpCompiles.get() < upTo && compiles.get() == saves) {
                    thread.submit(() -> warmUpOnce(set, source, types, () -> compiles.get() != saves)).get();
                    warmUpCompiles.incrementAndGet();
                    Thread.sleep(gapMillis);
                }
                if (compiles.get() == saves) {
                    thread.submit(() -> signatures.readAhead(set.classes(), javacOptions.toRead(set), types)).get();
                }
            } catch (ExecutionException | InterruptedException | RejectedExecutionException e) {
                return; // closed, or javac failed: the next save loads and compiles what it needs
            }
            heapTrim.afterCompile();
        });
    }

    /** Warm-up compiles so far (whole or stopped for a save). */
    int warmUpCompiles() {
        return warmUpCompiles.get();
    }

    /** Save compiles so far. */
    long compiles() {
        return compiles.get();
    }

    /** One warm-up compile; adds the source's classes to {@code types}. */
    private Void warmUpOnce(SourceSet set, JavaFileObject source, Set<String> types, BooleanSupplier saved)
            throws IOException {
        files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generatedSources));
        var discard = new InMemoryOutput(files, generatedSources);
        // No annotation processor runs: one that writes a resource would write into the watched classes.
        JavacTask task = (JavacTask) javac.getTask(null, discard, new DiagnosticCollector<>(),
                javacOptions.toCompile(set, false), null, List.of(source));
        task.addTaskListener(new TaskListener() {
            @Override
            public void started(TaskEvent event) {
                if (saved.getAsBoolean()) {
                    throw new WarmUpStopped();
                }
            }

            @Override
            public void finished(TaskEvent event) {
                if (event.getKind() == TaskEvent.Kind.ANALYZE && event.getTypeElement() != null) {
                    types.add(event.getTypeElement().getQualifiedName().toString());
                }
            }
        });
        try {
            task.call();
        } catch (RuntimeException stopped) {
            // a save is waiting (javac hands the listener's exception on, wrapped)
        }
        return null;
    }

    /** Thrown into a warm-up compile when a save waits for javac's thread. */
    private static final class WarmUpStopped extends RuntimeException {
        WarmUpStopped() {
            super(null, null, false, false);
        }
    }

    /** The most recently modified source of the set, else a one-line class. */
    private JavaFileObject newestSource(SourceSet set) {
        try (Stream<Path> walk = Files.walk(set.sources())) {
            Optional<Path> newest = walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .max(Comparator.comparingLong(p -> p.toFile().lastModified()));
            if (newest.isPresent()) {
                return files.getJavaFileObjects(newest.get()).iterator().next();
            }
        } catch (IOException | UncheckedIOException e) {
            // fall back to the one-line class
        }
        return new SimpleJavaFileObject(java.net.URI.create("string:///RunServerPlusWarmUp.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return "final class RunServerPlusWarmUp { String s = java.util.List.of(1).toString(); }";
            }
        };
    }

    private Result compileNow(SourceSet set, List<Path> sources, boolean checkSignatures) throws IOException {
        files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(set.classes()));
        files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generatedSources));
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        var output = new InMemoryOutput(files, set.classes());
        JavacTask task = (JavacTask) javac.getTask(null, output, diagnostics, javacOptions.toCompile(set, true), null,
                files.getJavaFileObjectsFromPaths(sources));
        Map<String, String> compiled = new LinkedHashMap<>();
        task.addTaskListener(new TaskListener() {
            @Override
            public void finished(TaskEvent event) {
                TypeElement type = event.getTypeElement();
                if (event.getKind() == TaskEvent.Kind.ANALYZE && type != null) {
                    compiled.put(type.getQualifiedName().toString(), ApiFingerprint.of(type, task.getElements()));
                }
            }
        });
        boolean ok = task.call();
        var errors = new ArrayList<CompileError>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                Path file = d.getSource() == null ? null : Path.of(d.getSource().toUri());
                errors.add(CompileError.of(file, d.getLineNumber(), d.getColumnNumber(), d.getMessage(Locale.ROOT),
                        options.encoding()));
            }
        }
        if (!ok && errors.isEmpty()) {
            errors.add(new CompileError(null, 0, 0, "javac failed without saying why.", 0, List.of()));
        }
        if (!errors.isEmpty()) {
            return new Result(Map.of(), errors, false, Map.of());
        }
        return new Result(output.classes, List.of(),
                checkSignatures && signatures.changed(set.classes(), javacOptions.toRead(set), compiled), compiled);
    }

    /** After the class files of a successful compile are written: what they look like to their users. */
    void compiled(Result result) {
        signatures.compiled(result.fingerprints());
    }

    /** The compiler's check of signatures, to tell whether a save waited for a class file's reading. */
    SignatureCheck signatures() {
        return signatures;
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            files.close();
        } catch (IOException e) {
            // nothing to do: the supervisor is stopping
        }
    }

    /** Keeps the class files javac writes, by their path in the class directory. */
    private static final class InMemoryOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
        final Map<Path, byte[]> classes = new LinkedHashMap<>();
        private final Path directory;

        InMemoryOutput(StandardJavaFileManager files, Path directory) {
            super(files);
            this.directory = directory;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) throws IOException {
            if (location != StandardLocation.CLASS_OUTPUT || kind != JavaFileObject.Kind.CLASS) {
                return super.getJavaFileForOutput(location, className, kind, sibling);
            }
            Path target = directory.resolve(className.replace('.', '/') + ".class");
            return new SimpleJavaFileObject(target.toUri(), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                            classes.put(target, toByteArray());
                        }
                    };
                }
            };
        }
    }
}
