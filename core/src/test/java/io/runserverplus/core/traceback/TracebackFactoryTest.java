package io.runserverplus.core.traceback;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.core.source.DefaultSourceLocator;
import io.runserverplus.core.source.JavaSourceAnalyzer;
import io.runserverplus.core.source.LineRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import io.runserverplus.testapp.Failures;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TracebackFactoryTest {

    private static final TracebackSettings SETTINGS = new TracebackSettings(
            List.of("com.example.vendored"), List.of(Path.of("src/test/java")), 5);

    private final TracebackFactory factory = new TracebackFactory(new FrameClassifier(SETTINGS),
            new DefaultSourceLocator(new io.runserverplus.core.source.SourceRoots(SETTINGS.sourceRoots())), new JavaSourceAnalyzer(), SETTINGS, new io.runserverplus.core.console.ConsoleSupport());

    @Test
    void aCauseChainBecomesNestedThrowablesWithJavasCommonFrameCount() {
        Throwable failure = catching(() -> {
            try {
                failDeep();
            } catch (IllegalStateException inner) {
                throw new RuntimeException("outer", inner);
            }
            return null;
        });

        Traceback traceback = factory.capture(failure, getClass().getClassLoader());

        ThrowableInfo root = traceback.root();
        assertThat(root.summary()).isEqualTo("java.lang.RuntimeException: outer");
        ThrowableInfo cause = root.cause().orElseThrow();
        assertThat(cause.summary()).isEqualTo("java.lang.IllegalStateException: deep");
        assertThat(cause.framesInCommon()).isPositive();
        assertThat(traceback.plainText()).contains("... " + cause.framesInCommon() + " more");
        assertThat(cause.uniqueFrames().getFirst().methodName()).isEqualTo("failDeep");
        assertThat(cause.uniqueFrames().getFirst().className()).isEqualTo(Failures.class.getName());
    }

    @Test
    void suppressedExceptionsAreKeptWithTheirOwnStacks() {
        RuntimeException main = new RuntimeException("main");
        main.addSuppressed(new IOException("close failed"));

        ThrowableInfo root = factory.capture(main, null).root();

        assertThat(root.suppressed()).singleElement()
                .satisfies(suppressed -> assertThat(suppressed.summary()).isEqualTo("java.io.IOException: close failed"));
    }

    @Test
    void aCauseCycleEndsInACircularReferenceInsteadOfLoopingForever() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second", first);
        first.initCause(second);

        ThrowableInfo root = factory.capture(first, null).root();

        ThrowableInfo back = root.cause().orElseThrow().cause().orElseThrow();
        assertThat(back.circularReference()).isTrue();
        assertThat(back.summary()).isEqualTo("java.lang.IllegalStateException: first");
        assertThat(back.frames()).isEmpty();
    }

    @Test
    void aSuppressedExceptionThatIsItsOwnAncestorIsACircularReferenceToo() {
        RuntimeException main = new RuntimeException("main");
        IOException closing = new IOException("closing", main);
        main.addSuppressed(closing);

        ThrowableInfo root = factory.capture(main, null).root();

        assertThat(root.suppressed().getFirst().cause().orElseThrow().circularReference()).isTrue();
    }

    @Test
    void framesAreClassifiedByWhereTheirClassComesFrom() {
        Traceback traceback = factory.capture(catching(TracebackFactoryTest::failDeep), getClass().getClassLoader());

        List<Frame> frames = traceback.root().frames();
        Frame mine = frames.getFirst();
        assertThat(mine.className()).isEqualTo(Failures.class.getName());
        assertThat(mine.kind()).isEqualTo(FrameKind.APPLICATION);
        assertThat(mine.origin()).endsWith("test-classes");
        assertThat(frames).anySatisfy(frame -> {
            assertThat(frame.className()).startsWith("org.junit.");
            assertThat(frame.kind()).isEqualTo(FrameKind.LIBRARY);
            assertThat(frame.origin()).matches("junit-.*\\.jar");
        });
        assertThat(frames).anySatisfy(frame -> {
            assertThat(frame.className()).startsWith("java.");
            assertThat(frame.kind()).isEqualTo(FrameKind.JDK);
            assertThat(frame.origin()).isEqualTo("java.base");
        });
    }

    @Test
    void configuredApplicationPackagesCountAsApplicationEvenFromAJar() {
        RuntimeException failure = new RuntimeException("vendored");
        failure.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("com.example.vendored.Thing", "run", "Thing.java", 3),
                new StackTraceElement("org.junit.jupiter.api.Assertions", "fail", "Assertions.java", 9)});

        List<Frame> frames = factory.capture(failure, getClass().getClassLoader()).root().frames();

        assertThat(frames.get(0).kind()).isEqualTo(FrameKind.APPLICATION);
        assertThat(frames.get(1).kind()).isEqualTo(FrameKind.LIBRARY);
    }

    @Test
    void reflectionLambdaAndDebuggerPlumbingIsHidden() throws Exception {
        Throwable failure = catching(Failures.viaLambdaAndReflection()).getCause();
        failure.setStackTrace(withDebuggerFrame(failure.getStackTrace()));

        List<Frame> frames = factory.capture(failure, getClass().getClassLoader()).root().frames();

        assertThat(frames).filteredOn(Frame::hidden).isNotEmpty().allSatisfy(frame -> assertThat(frame.className())
                .matches("(jdk\\.internal\\.reflect\\..*|java\\.lang\\.invoke\\..*|java\\.lang\\.reflect\\.Method|io\\.runserverplus\\.core\\..*)"));
        assertThat(frames).filteredOn(frame -> frame.methodName().startsWith("lambda$"))
                .isNotEmpty().allSatisfy(frame -> assertThat(frame.hidden()).isFalse());
        assertThat(frames).filteredOn(frame -> frame.className().equals(Failures.class.getName()))
                .isNotEmpty().allSatisfy(frame -> assertThat(frame.hidden()).isFalse());
        assertThat(frames).filteredOn(frame -> frame.className().startsWith("io.runserverplus.core.server"))
                .allSatisfy(frame -> assertThat(frame.hidden()).isTrue());
    }

    @Test
    void applicationFramesCarryTheirSourceWindowAndEnclosingMethod() {
        Traceback traceback = factory.capture(catching(TracebackFactoryTest::failDeep), getClass().getClassLoader());

        Frame frame = traceback.root().frames().getFirst();

        var window = frame.source().orElseThrow();
        assertThat(window.line()).isEqualTo(frame.lineNumber());
        assertThat(window.lines()).hasSize(11);
        assertThat(window.lines().get(frame.lineNumber() - window.firstLine())).contains("throw new IllegalStateException(\"deep\")");
        LineRange method = window.enclosing().orElseThrow();
        assertThat(method.contains(frame.lineNumber())).isTrue();
        assertThat(window.file().lines().get(method.first() - 1)).contains("public static Object failDeep()");
    }

    @Test
    void frameIdsFollowPageOrderAcrossCausesAndSuppressed() {
        RuntimeException main = new RuntimeException("main", new IllegalStateException("cause"));
        main.addSuppressed(new IOException("suppressed"));

        Traceback traceback = factory.capture(main, null);

        List<Frame> all = traceback.allFrames();
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).id()).isEqualTo(i);
            assertThat(traceback.frame(i)).contains(all.get(i));
        }
    }

    @Test
    void theFocusIsTheInnermostApplicationFrameOfTheDeepestCause() {
        Throwable failure = catching(() -> {
            try {
                failDeep();
            } catch (IllegalStateException inner) {
                throw new UncheckedIOException(new IOException("wrapped", inner));
            }
            return null;
        });

        Traceback traceback = factory.capture(failure, getClass().getClassLoader());

        assertThat(traceback.focusFrame()).hasValueSatisfying(frame -> {
            assertThat(frame.methodName()).isEqualTo("failDeep");
            assertThat(frame.className()).isEqualTo(Failures.class.getName());
        });
    }

    @Test
    void aMessageThatThrowsDoesNotBreakTheCapture() {
        RuntimeException hostile = new RuntimeException() {
            @Override
            public String getMessage() {
                throw new IllegalStateException("no message for you");
            }

            @Override
            public String toString() {
                return "hostile";
            }
        };

        ThrowableInfo root = factory.capture(hostile, null).root();

        assertThat(root.message()).contains("<getMessage() threw java.lang.IllegalStateException>");
    }

    private static Object failDeep() {
        return Failures.failDeep();
    }

    private static Throwable catching(Supplier<Object> action) {
        try {
            action.get();
        } catch (Throwable thrown) {
            return thrown;
        }
        throw new AssertionError("nothing was thrown");
    }

    private static StackTraceElement[] withDebuggerFrame(StackTraceElement[] trace) {
        StackTraceElement[] longer = java.util.Arrays.copyOf(trace, trace.length + 1);
        longer[trace.length] = new StackTraceElement("io.runserverplus.core.server.Catcher", "handle", "Catcher.java", 10);
        return longer;
    }
}
