package io.runserverplus.console.frame;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * javac in process over the application's class path, one compilation at a time on its own
 * thread. The file manager (and the jars it has opened and indexed) is kept between compilations,
 * and, when the JVM lets the console use javac's pool ({@link ReusedJavac}), javac's symbol tables
 * too: with both a later compilation takes a few milliseconds instead of 15-40 (reading the class
 * files of {@code java.lang}, {@code java.util} and the frame's nest again was most of that).
 */
final class FrameCompiler {

    private static final List<String> OPTIONS = List.of("-proc:none", "-g", "-implicit:none", "-Xlint:none",
            "-nowarn",
            // Attribute even after a syntax error: completion reads the types of incomplete input.
            "-XDshould-stop.ifError=FLOW");

    private final JavaCompiler javac;
    private final UnitFileManager files;
    /** javac's state kept between compilations, or {@code null} when javac does not let the console keep it. */
    private final ReusedJavac reused;
    /**
     * javac runs on this thread only: interrupting a thread that reads a jar through NIO closes the
     * jar's channel for good, and console threads are interrupted to stop inputs.
     */
    private final java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "runserverplus-console-javac");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code work} on the compiler's thread and waits for it, even if this thread is interrupted. */
    private <T> T onCompilerThread(java.util.concurrent.Callable<T> work) {
        java.util.concurrent.Future<T> done = thread.submit(work);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return done.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    FrameCompiler(String classPath) {
        this(classPath, true);
    }

    /** {@code keepJavacState}: keep javac's symbol tables between compilations when the JVM lets it. */
    FrameCompiler(String classPath, boolean keepJavacState) {
        reused = keepJavacState ? ReusedJavac.create() : null;
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("This JVM has no Java compiler (jdk.compiler); the console needs a JDK.");
        }
        StandardJavaFileManager standard = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        try {
            standard.setLocation(StandardLocation.CLASS_PATH, classPathFiles(classPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files = new UnitFileManager(standard);
    }

    /** Whether compilations share javac's state (see {@link ReusedJavac}). */
    boolean keepsJavacState() {
        return reused != null;
    }

    /** What one compilation gave: the classes (empty on errors) and the compiler's messages. */
    record Output(List<ClassBytes> classes, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        boolean failed() {
            return diagnostics.stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
        }
    }

    /** Something to do between javac's analysis and its code generation (read the attributed trees). */
    interface Inspector {
        void inspect(JavacTask task, CompilationUnitTree unit);
    }

    /**
     * Compiles {@code source}, the class {@code binaryName}, seeing {@code overlay}'s classes in place of the
     * class path's. {@code inspector} runs after analysis when it succeeded; classes are generated
     * only when {@code generate} is set.
     */
    Output compile(String binaryName, String source, Map<String, byte[]> overlay, Inspector inspector,
                   boolean generate) {
        return onCompilerThread(() -> compileHere(binaryName, source, overlay, inspector, generate));
    }

    private Output compileHere(String binaryName, String source, Map<String, byte[]> overlay, Inspector inspector,
                               boolean generate) {
        files.prepare(overlay);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<Source> units = List.of(new Source(binaryName, source));
        java.util.function.Function<JavacTask, Output> work = task -> {
            try {
                CompilationUnitTree unit = task.parse().iterator().next();
                task.analyze();
                boolean failed = diagnostics.getDiagnostics().stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
                if (inspector != null) {
                    inspector.inspect(task, unit);
                }
                if (!failed && generate) {
                    task.generate();
                }
                return new Output(failed || !generate ? List.of() : files.output(), diagnostics.getDiagnostics());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        if (reused != null) {
            return reused.run(overlay, files, diagnostics, OPTIONS, units, work);
        }
        JavacTask task = (JavacTask) javac.getTask(Writer.nullWriter(), files, diagnostics, OPTIONS, null, units);
        return work.apply(task);
    }

    /** A parsed source: its tree, where its nodes are, and whether it parsed without errors. */
    record Parse(CompilationUnitTree unit, com.sun.source.util.SourcePositions positions, boolean clean) {}

    /** Parses {@code source} (cheap: no symbols are read). */
    Parse parse(String source) {
        return onCompilerThread(() -> parseHere(source));
    }

    private Parse parseHere(String source) {
        files.prepare(Map.of());
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<Source> units = List.of(new Source("Parse", source));
        java.util.function.Function<JavacTask, Parse> work = task -> {
            try {
                CompilationUnitTree unit = task.parse().iterator().next();
                boolean clean = diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
                return new Parse(unit, com.sun.source.util.Trees.instance(task).getSourcePositions(), clean);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        if (reused != null) {
            return reused.run(null, files, diagnostics, OPTIONS, units, work); // parsing reads no class
        }
        return work.apply((JavacTask) javac.getTask(Writer.nullWriter(), files, diagnostics, OPTIONS, null, units));
    }

    /** A compilation unit's source, named after its class as javac expects. */
    static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String binaryName, String text) {
            super(URI.create("string:///" + binaryName.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** The application's class path plus this module's location, so units can always name its helpers. */
    private static List<File> classPathFiles(String appPath) {
        List<File> entries = new ArrayList<>();
        for (String entry : appPath.split(File.pathSeparator)) {
            if (!entry.isBlank() && Files.exists(Path.of(entry))) {
                entries.add(new File(entry));
            }
        }
        try {
            var codeSource = FrameCompiler.class.getProtectionDomain().getCodeSource();
            if (codeSource != null) {
                File own = Path.of(codeSource.getLocation().toURI()).toFile();
                if (entries.stream().noneMatch(f -> f.getAbsoluteFile().equals(own.getAbsoluteFile()))) {
                    entries.add(own);
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // the helpers stay unnamed for units: dump() fails to compile, the rest works
        }
        return entries;
    }
}
