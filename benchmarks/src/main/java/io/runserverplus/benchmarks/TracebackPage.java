package io.runserverplus.benchmarks;

import io.runserverplus.benchmarks.app.OrderController;
import io.runserverplus.core.render.JavaHighlighter;
import io.runserverplus.core.render.PageSecurity;
import io.runserverplus.core.render.TracebackHtmlRenderer;
import io.runserverplus.core.source.DefaultSourceLocator;
import io.runserverplus.core.source.JavaSourceAnalyzer;
import io.runserverplus.core.source.SourceRoots;
import io.runserverplus.core.traceback.Frame;
import io.runserverplus.core.traceback.FrameClassifier;
import io.runserverplus.core.traceback.FrameKind;
import io.runserverplus.core.traceback.ThrowableInfo;
import io.runserverplus.core.traceback.Traceback;
import io.runserverplus.core.traceback.TracebackFactory;
import io.runserverplus.core.traceback.TracebackSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Core's real traceback pipeline wired by hand (as core's Guice module would) around one failure
 * of the sample app: a three-deep cause chain with about 150 frames on the page, every one with
 * its source.
 */
final class TracebackPage {

    /**
     * How the sample app recurses, which decides the page's mix of frames (both about 150).
     * {@code streams}: 13 rule levels walked with streams, ten frames a level, so ~120 JDK frames
     * (sources from {@code src.zip}, large files) and ~37 of ours. {@code direct}: 64 levels of
     * plain recursion, two frames a level, so ~140 frames of ours and ~16 JDK frames.
     */
    enum Recursion {
        streams(13), direct(64);

        final int ruleDepth;

        Recursion(int ruleDepth) {
            this.ruleDepth = ruleDepth;
        }
    }

    static final String REQUEST_LINE = "POST /orders/42 HTTP/1.1";
    static final PageSecurity SECURITY = new PageSecurity("0123456789abcdefABCDEF", "benchmark-nonce",
            java.util.Optional.empty(), true);

    final TracebackFactory factory;
    final TracebackHtmlRenderer renderer;
    final Throwable failure;
    final ClassLoader loader = TracebackPage.class.getClassLoader();

    private TracebackPage(TracebackFactory factory, TracebackHtmlRenderer renderer, Throwable failure) {
        this.factory = factory;
        this.renderer = renderer;
        this.failure = failure;
    }

    /** Fresh core objects (so empty caches) around a fresh failure. */
    static TracebackPage create(Recursion recursion) {
        TracebackSettings settings = new TracebackSettings(List.of("io.runserverplus.benchmarks.app"),
                sourceRoots(), TracebackSettings.DEFAULT_CONTEXT_LINES);
        JavaSourceAnalyzer analyzer = new JavaSourceAnalyzer();
        TracebackFactory factory = new TracebackFactory(new FrameClassifier(settings), new DefaultSourceLocator(new io.runserverplus.core.source.SourceRoots(settings.sourceRoots())),
                analyzer, settings, new io.runserverplus.core.console.ConsoleSupport());
        TracebackHtmlRenderer renderer = new TracebackHtmlRenderer(new JavaHighlighter(analyzer),
            new io.runserverplus.core.console.ConsoleSupport());
        return new TracebackPage(factory, renderer,
                OrderController.failingRequest(recursion.ruleDepth, recursion == Recursion.streams));
    }

    /** What a failing request costs the server: capture the throwable, then render the page. */
    String captureAndRender() {
        return render(capture());
    }

    Traceback capture() {
        return factory.capture(failure, loader);
    }

    String render(Traceback traceback) {
        return renderer.render(traceback, REQUEST_LINE, SECURITY);
    }

    /**
     * The benchmark module's own {@code src/main/java}: {@code rsp.bench.sources} when set, else
     * what core detects from the working directory and the class path (this module's
     * {@code target/classes} is on it).
     */
    private static List<Path> sourceRoots() {
        List<Path> configured = Optional.ofNullable(System.getProperty("rsp.bench.sources"))
                .map(Path::of).map(List::of).orElse(List.of());
        return SourceRoots.detect(configured, Path.of("").toAbsolutePath(),
                System.getProperty("java.class.path", ""));
    }

    /** The page of a new capture with its random id blanked, to compare pipelines. */
    String comparablePage() {
        Traceback traceback = capture();
        return render(traceback).replace(traceback.id(), "ID");
    }

    /** Checks the page is the one the target is about, and describes it in one line. */
    String describe() {
        Traceback traceback = capture();
        List<ThrowableInfo> chain = new ArrayList<>();
        for (Optional<ThrowableInfo> t = Optional.of(traceback.root()); t.isPresent(); t = t.get().cause()) {
            chain.add(t.get());
        }
        int captured = 0;
        int shown = 0;
        int withSource = 0;
        int application = 0;
        int jdkWithSource = 0;
        for (ThrowableInfo info : chain) {
            captured += info.frames().size();
            for (Frame frame : info.uniqueFrames()) {
                if (frame.hidden()) {
                    continue;
                }
                shown++;
                withSource += frame.source().isPresent() ? 1 : 0;
                application += frame.kind() == FrameKind.APPLICATION ? 1 : 0;
                jdkWithSource += frame.kind() == FrameKind.JDK && frame.source().isPresent() ? 1 : 0;
            }
        }
        long applicationWithSource = traceback.allFrames().stream()
                .filter(f -> f.kind() == FrameKind.APPLICATION && f.source().isPresent()).count();
        if (chain.size() != 3 || applicationWithSource == 0) {
            throw new IllegalStateException("The benchmark page is not the intended one (chain of " + chain.size()
                    + ", " + applicationWithSource + " application frames with source): run from the repository"
                    + " root or set -Drsp.bench.sources=benchmarks/src/main/java");
        }
        String page = render(traceback);
        return "page: " + shown + " frames shown, cause chain of " + chain.size() + " (" + String.join(" -> ",
                chain.stream().map(ThrowableInfo::typeName).toList()) + "), "
                + captured + " frames captured, " + application + " application, " + withSource + " with source ("
                + jdkWithSource + " of them JDK from src.zip), " + page.length() / 1024 + " KiB of HTML";
    }
}
