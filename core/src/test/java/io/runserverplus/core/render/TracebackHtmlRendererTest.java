package io.runserverplus.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.core.console.ConsoleSupport;
import io.runserverplus.core.source.DefaultSourceLocator;
import io.runserverplus.core.source.JavaSourceAnalyzer;
import io.runserverplus.core.source.SourceFile;
import io.runserverplus.core.traceback.FrameClassifier;
import io.runserverplus.core.traceback.Traceback;
import io.runserverplus.core.traceback.TracebackFactory;
import io.runserverplus.core.traceback.TracebackSettings;
import io.runserverplus.spi.CapturedFrame;
import io.runserverplus.spi.CapturedVariable;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TracebackHtmlRendererTest {

    private static final String HOSTILE = "\"><img src=x onerror=alert(1)><script>alert(2)</script>";

    private final TracebackSettings settings = new TracebackSettings(List.of(), List.of(Path.of("src/test/java")), 5);
    private final JavaSourceAnalyzer analyzer = new JavaSourceAnalyzer();
    private final TracebackFactory factory = new TracebackFactory(new FrameClassifier(settings),
            new DefaultSourceLocator(new io.runserverplus.core.source.SourceRoots(settings.sourceRoots())), analyzer, settings, new io.runserverplus.core.console.ConsoleSupport());
    private final TracebackHtmlRenderer renderer = new TracebackHtmlRenderer(new JavaHighlighter(analyzer),
            new io.runserverplus.core.console.ConsoleSupport());

    @Test
    void everythingFromTheExceptionAndTheRequestIsEscaped() {
        RuntimeException failure = new RuntimeException(HOSTILE, new IllegalStateException(HOSTILE));
        failure.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("evil.<script>Cls", "m<img>", "<svg onload=x>.java", 7)});

        String page = renderer.render(factory.capture(failure, null), "GET /" + HOSTILE + " HTTP/1.1",
                new PageSecurity("se\"cret", "n0nce", java.util.Optional.empty(), true));

        assertThat(page).doesNotContain("<img").doesNotContain("<script>alert").doesNotContain("<svg")
                .doesNotContain("<script>Cls").doesNotContain("se\"cret");
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
        assertThat(page).contains("evil.<wbr>&lt;script&gt;Cls");
        assertThat(page).contains("data-secret=\"se&#34;cret\"");
        assertThat(page).doesNotContain(" onerror=alert(1)>").doesNotContain("style=").doesNotContain("<script>");
    }

    @Test
    void capturedVariablesAreShownEscapedInAFoldableTable() {
        RuntimeException failure = new RuntimeException("boom");
        StackTraceElement top = new StackTraceElement("com.acme.Shop", "checkout", "Shop.java", 12);
        failure.setStackTrace(new StackTraceElement[] {top});
        ConsoleSupport withLocals = new ConsoleSupport() {
            @Override
            public List<CapturedFrame> capturedFrames(Throwable t) {
                return t != failure ? List.of() : List.of(new CapturedFrame(top.getClassName(), top.getMethodName(), "()V",
                        List.of(new CapturedVariable("<b>name</b>", "java.util.List<java.lang.String>", HOSTILE))));
            }
        };
        TracebackFactory capturing = new TracebackFactory(new FrameClassifier(settings), new DefaultSourceLocator(new io.runserverplus.core.source.SourceRoots(settings.sourceRoots())),
                analyzer, settings, withLocals);

        String page = new TracebackHtmlRenderer(new JavaHighlighter(analyzer), withLocals).render(
                capturing.capture(failure, null), "GET / HTTP/1.1", new PageSecurity("s", "n0nce", Optional.empty(), true));

        assertThat(page).contains("<details class=\"locals\"", "<td class=\"var-name\">&lt;b&gt;name&lt;/b&gt;</td>",
                "<td class=\"var-type\">java.<wbr>util.<wbr>List&lt;java.<wbr>lang.<wbr>String&gt;</td>",
                "&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;")
                .doesNotContain("<img", "<script>alert", "<b>name");
    }

    @Test
    void withoutTheConsoleJarThePageNamesTheArtifactAndOffersNoConsole() {
        String page = renderer.render(factory.capture(new IllegalStateException("x"), null), "GET / HTTP/1.1",
                new PageSecurity("s", "n0nce", Optional.empty(), true));

        assertThat(page).contains("The interactive console is not installed: add io.runserverplus:runserverplus-console"
                + " to the application&#39;s dependencies.", "data-console=\"off\"").doesNotContain("id=\"pin-dialog\"");
    }

    @Test
    void theTitleIsTheFirstLineOfTheException() {
        Traceback traceback = factory.capture(new IllegalStateException("first line\nsecond line"), null);

        String page = renderer.render(traceback, "GET / HTTP/1.1", new PageSecurity("s", "n0nce", java.util.Optional.empty(), true));

        assertThat(page).contains("<title>java.lang.IllegalStateException: first line // RunServerPlus</title>");
    }

    @Test
    void sourceTextIsHighlightedAndEscaped() {
        SourceFile file = SourceFile.of("A.java", """
                class A {
                    /* a comment with <b>markup</b>
                       over two lines */
                    boolean less(int a, int b) { return a < b && "<x>".isEmpty(); }
                }
                """);

        List<String> lines = new JavaHighlighter(analyzer).highlight(file);

        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).isEqualTo("    <span class=\"tok-comment\">/* a comment with &lt;b&gt;markup&lt;/b&gt;</span>");
        assertThat(lines.get(2)).isEqualTo("<span class=\"tok-comment\">       over two lines */</span>");
        assertThat(lines.get(3)).contains("<span class=\"tok-keyword\">return</span>")
                .contains("<span class=\"tok-operator\">&lt;</span>")
                .contains("<span class=\"tok-literal\">&#34;&lt;x&gt;&#34;</span>");
    }

    @Test
    void aFileThatDoesNotParseIsShownAsEscapedPlainLines() {
        SourceFile broken = SourceFile.of("B.java", "class B { <oops>\n}");

        assertThat(new JavaHighlighter(analyzer).highlight(broken)).containsExactly("class B { &lt;oops&gt;", "}");
    }
}
