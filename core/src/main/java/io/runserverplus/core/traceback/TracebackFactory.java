package io.runserverplus.core.traceback;

import io.runserverplus.core.console.ConsoleSupport;
import io.runserverplus.core.source.JavaSourceAnalyzer;
import io.runserverplus.core.source.SourceFile;
import io.runserverplus.core.source.SourceLocator;
import io.runserverplus.core.source.SourceWindow;
import io.runserverplus.spi.CapturedFrame;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a live {@link Throwable} into an immutable {@link Traceback}: classifies every frame,
 * attaches source windows to frames whose source is found, and follows causes and suppressed
 * throwables the way {@code printStackTrace} does (common frames, cycles).
 */
@Singleton
public class TracebackFactory {

    private final FrameClassifier classifier;
    private final ConsoleSupport console;
    private final SourceLocator sourceLocator;
    private final JavaSourceAnalyzer analyzer;
    private final int contextLines;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public TracebackFactory(FrameClassifier classifier, SourceLocator sourceLocator, JavaSourceAnalyzer analyzer,
                            TracebackSettings settings, ConsoleSupport console) {
        this.classifier = classifier;
        this.console = console;
        this.sourceLocator = sourceLocator;
        this.analyzer = analyzer;
        this.contextLines = settings.contextLines();
    }

    /** Captures the throwable; the loader is the application's, used to find class files. */
    public Traceback capture(Throwable throwable, ClassLoader loader) {
        Builder builder = new Builder(loader);
        ThrowableInfo root = builder.info(throwable, new StackTraceElement[0]);
        byte[] idBytes = new byte[12];
        random.nextBytes(idBytes);
        return new Traceback(HexFormat.of().formatHex(idBytes), root, printStackTrace(throwable), Instant.now());
    }

    private static String printStackTrace(Throwable throwable) {
        StringWriter text = new StringWriter();
        try (PrintWriter writer = new PrintWriter(text)) {
            throwable.printStackTrace(writer);
        }
        return text.toString();
    }

    /** State of one capture: frame ids in page order and the throwables already seen. */
    private final class Builder {
        private final ClassLoader loader;
        private final Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        private int nextFrameId;

        Builder(ClassLoader loader) {
            this.loader = loader;
        }

        ThrowableInfo info(Throwable throwable, StackTraceElement[] enclosing) {
            String message = safeMessage(throwable);
            if (!seen.add(throwable)) {
                return new ThrowableInfo(throwable.getClass().getName(), Optional.ofNullable(message),
                        List.of(), 0, Optional.empty(), List.of(), true, throwable);
            }
            StackTraceElement[] trace = throwable.getStackTrace();
            List<Frame> frames = new ArrayList<>(trace.length);
            List<Optional<CapturedFrame>> locals = CapturedFrameMatch.align(trace, console.capturedFrames(throwable));
            for (int i = 0; i < trace.length; i++) {
                frames.add(frame(trace[i], locals.get(i)));
            }
            int inCommon = framesInCommon(trace, enclosing);
            Optional<ThrowableInfo> cause = Optional.ofNullable(throwable.getCause()).map(next -> info(next, trace));
            List<ThrowableInfo> suppressed = new ArrayList<>();
            for (Throwable each : throwable.getSuppressed()) {
                suppressed.add(info(each, trace));
            }
            return new ThrowableInfo(throwable.getClass().getName(), Optional.ofNullable(message), frames,
                    inCommon, cause, suppressed, false, throwable);
        }

        private Frame frame(StackTraceElement element, Optional<CapturedFrame> locals) {
            String className = element.getClassName();
            FrameClassifier.Origin origin = classifier.classify(className, loader);
            String fileName = element.getFileName() == null ? "" : element.getFileName();
            String module = element.getModuleName() == null ? "" : element.getModuleName();
            boolean hidden = classifier.isHidden(element);
            Optional<SourceWindow> source = hidden ? Optional.empty()
                    : window(element, fileName, module, origin.classFile());
            String originText = origin.location().isEmpty() ? module : origin.location();
            return new Frame(nextFrameId++, className, element.getMethodName(), fileName, element.getLineNumber(),
                    originText, origin.kind(), hidden, source, locals);
        }

        private Optional<SourceWindow> window(StackTraceElement element, String fileName, String module,
                                              Optional<URL> classFile) {
            int line = element.getLineNumber();
            if (line <= 0) {
                return Optional.empty();
            }
            return sourceLocator.locate(element.getClassName(), fileName, module, classFile)
                    .filter(file -> line <= file.lines().size())
                    .map(file -> windowOf(file, line, element.getMethodName()));
        }

        private SourceWindow windowOf(SourceFile file, int line, String method) {
            List<String> lines = file.lines();
            int first = Math.max(1, line - contextLines);
            int last = Math.min(lines.size(), line + contextLines);
            return new SourceWindow(file, first, lines.subList(first - 1, last), line,
                    analyzer.enclosingCallable(file, line, method));
        }
    }

    /** Java's rule: frames shared from the end with the enclosing trace print as "... N more". */
    static int framesInCommon(StackTraceElement[] trace, StackTraceElement[] enclosing) {
        int mine = trace.length - 1;
        int theirs = enclosing.length - 1;
        while (mine >= 0 && theirs >= 0 && trace[mine].equals(enclosing[theirs])) {
            mine--;
            theirs--;
        }
        return trace.length - 1 - mine;
    }

    /** A message whose getMessage() throws is reported as such instead of failing the capture. */
    private static String safeMessage(Throwable throwable) {
        try {
            return throwable.getMessage();
        } catch (RuntimeException broken) {
            return "<getMessage() threw " + broken.getClass().getName() + ">";
        }
    }
}
