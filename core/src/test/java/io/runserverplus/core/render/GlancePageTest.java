package io.runserverplus.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.contract.ContractFailures;
import io.runserverplus.core.console.ConsoleSupport;
import io.runserverplus.core.source.DefaultSourceLocator;
import io.runserverplus.core.source.JavaSourceAnalyzer;
import io.runserverplus.core.traceback.FrameClassifier;
import io.runserverplus.core.traceback.Traceback;
import io.runserverplus.core.traceback.TracebackFactory;
import io.runserverplus.core.traceback.TracebackSettings;
import io.runserverplus.spi.CapturedFrame;
import io.runserverplus.spi.CapturedVariable;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page's parts that make it readable at a glance, as HTML: summary, frames, source and console pages. */
class GlancePageTest {

    private static final String HOSTILE = "```\n<script>alert(1)</script>` ``";
    private static final PageSecurity SECURITY = new PageSecurity("s", "n0nce", Optional.empty(), true);

    private final TracebackSettings settings = new TracebackSettings(List.of(), List.of(Path.of("src/test/java")), 5);
    private final JavaSourceAnalyzer analyzer = new JavaSourceAnalyzer();
    private final ConsoleSupport console = new ConsoleSupport();
    private final TracebackFactory factory = new TracebackFactory(new FrameClassifier(settings),
            new DefaultSourceLocator(new io.runserverplus.core.source.SourceRoots(settings.sourceRoots())), analyzer, settings, console);
    private final TracebackHtmlRenderer renderer = new TracebackHtmlRenderer(new JavaHighlighter(analyzer), console);

    private static IllegalStateException failure(String message, Throwable cause) {
        return new IllegalStateException(message, cause);
    }

    /** A failure of application code whose source the locator finds (this package's frames are the debugger's own, hidden). */
    private static RuntimeException applicationFailure() {
        try {
            new ContractFailures.Orders().place("alice", 3);
            throw new AssertionError("the order should have failed");
        } catch (IllegalStateException failure) {
            return failure;
        }
    }

    @Test
    void theSummaryNamesTheExceptionTheRootCauseAndTheRequestWithItsCopyButtons() {
        Traceback traceback = factory.capture(failure("startup failed",
                new RuntimeException("wrapped", new java.io.IOException("settings.toml: no such file"))), null);

        String page = renderer.render(traceback, "GET /chain?x=1 HTTP/1.1", SECURITY);

        assertThat(page).contains("<header class=\"exception summary\" id=\"summary\">",
                "<h1>java.<wbr>lang.<wbr>IllegalStateException</h1>",
                "<pre class=\"message\">startup failed</pre>",
                "<p class=\"root-cause\">Root cause: <code>java.<wbr>io.<wbr>IOException: settings.<wbr>toml: no such file</code></p>",
                "<p class=\"request\"><code>GET /<wbr>chain?x=1</code></p>",
                "<button type=\"button\" id=\"copy-text\">Copy as text</button>",
                "<button type=\"button\" id=\"copy-markdown\">Copy as Markdown</button>",
                "<pre id=\"plain-text\" hidden>java.lang.IllegalStateException: startup failed\n");
        // Said once, in the summary: the outermost exception's section has no heading repeating it.
        assertThat(page).contains("<section class=\"throwable\">\n<ol class=\"frames\">")
                .doesNotContain("<h3>java.<wbr>lang.<wbr>IllegalStateException: startup failed");
    }

    @Test
    void theMarkdownHasTheExceptionLineThenTheTraceInAFence() {
        Traceback traceback = factory.capture(failure("startup failed", null), null);

        String markdown = MarkdownReport.of(traceback, "POST /orders HTTP/1.1");

        assertThat(markdown).isEqualTo("`java.lang.IllegalStateException: startup failed`\n\nRequest: `POST /orders`\n\n"
                + "```text\n" + traceback.plainText().stripTrailing() + "\n```\n");
    }

    /** Backticks in the message cannot end the code span or the fence early, and the HTML holds it as text. */
    @Test
    void hostileMessagesStayInsideTheMarkdownsDelimitersAndAreEscapedOnThePage() {
        Traceback traceback = factory.capture(failure(HOSTILE, null), null);

        String markdown = MarkdownReport.of(traceback, "GET /<img src=x> HTTP/1.1");
        String page = renderer.render(traceback, "GET /<img src=x> HTTP/1.1", SECURITY);

        // The exception line is the first line of the message; the rest is in the fenced trace.
        assertThat(markdown).startsWith("```` java.lang.IllegalStateException: ``` ````\n\n")
                .contains("Request: `GET /<img src=x>`").contains("\n````text\n").endsWith("\n````\n");
        assertThat(page).doesNotContain("<script>alert", "<img src=x>")
                .contains("<pre id=\"markdown-text\" hidden>```` java.lang.IllegalStateException: ``` ````",
                        "\n&lt;script&gt;alert(1)&lt;/script&gt;` ``\n");
    }

    @Test
    void aFrameWithSourceShowsItsLineADisclosureButtonViewSourceAndItsFileAsBadge() {
        String page = renderer.render(factory.capture(applicationFailure(), null), "GET / HTTP/1.1", SECURITY);

        String frame = frameOf(page, "take");
        assertThat(frame).contains("<button type=\"button\" class=\"disclosure\" aria-expanded=\"true\"",
                "<code class=\"current-line\">throw new IllegalStateException(&#34;only &#34; + onHand + &#34; on hand, &#34;"
                        + " + quantity + &#34; wanted&#34;);</code>",
                "<form class=\"view-source\"", "io/runserverplus/contract/ContractFailures.java, compiled into ")
                .containsPattern("<span class=\"origin\" title=\"[^\"]*\">ContractFailures\\.java</span>")
                .doesNotContain("role=\"button\"", "tabindex");
    }

    @Test
    void aFrameWithoutSourceOffersNoViewSourceAndNoDisclosure() {
        IllegalStateException failure = new IllegalStateException("x");
        failure.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.acme.Nowhere", "run", "Nowhere.java", 3)});

        String page = renderer.render(factory.capture(failure, null), "GET / HTTP/1.1", SECURITY);

        assertThat(frameOf(page, "run")).doesNotContain("view-source", "disclosure", "current-line");
    }

    @Test
    void theNoteOnFinallyBlocksIsOnThePageOnceHoweverManyFramesHaveVariables() {
        RuntimeException failure = new RuntimeException("boom");
        StackTraceElement outer = new StackTraceElement("com.acme.Shop", "checkout", "Shop.java", 12);
        StackTraceElement inner = new StackTraceElement("com.acme.Shop", "pay", "Shop.java", 20);
        failure.setStackTrace(new StackTraceElement[] {inner, outer});
        ConsoleSupport withLocals = new ConsoleSupport() {
            @Override
            public List<CapturedFrame> capturedFrames(Throwable t) {
                return t != failure ? List.of() : List.of(
                        new CapturedFrame("com.acme.Shop", "pay", "()V", List.of(new CapturedVariable("a", "int", 1))),
                        new CapturedFrame("com.acme.Shop", "checkout", "()V", List.of(new CapturedVariable("b", "int", 2))));
            }
        };
        TracebackFactory capturing = new TracebackFactory(new FrameClassifier(settings), new DefaultSourceLocator(new io.runserverplus.core.source.SourceRoots(settings.sourceRoots())),
                analyzer, settings, withLocals);

        String page = new TracebackHtmlRenderer(new JavaHighlighter(analyzer), withLocals)
                .render(capturing.capture(failure, null), "GET / HTTP/1.1", SECURITY);

        assertThat(page.split("<details class=\"locals\"", -1)).as("two tables").hasSize(3);
        assertThat(page.split("finally blocks", -1)).as("one note").hasSize(2);
    }

    @Test
    void everyDebuggerPageLinksTheIcon() {
        String icon = "<link rel=\"icon\" type=\"image/svg+xml\" href=\"/__debugger__/resource/favicon.svg?v=";
        Traceback traceback = factory.capture(failure("x", null), null);

        assertThat(renderer.render(traceback, "GET / HTTP/1.1", SECURITY)).contains(icon);
        assertThat(new ConsolePageRenderer(console).render(SECURITY)).contains(icon);
        assertThat(new SourcePageRenderer(new JavaHighlighter(analyzer)).render(traceback.root().frames().getFirst(), "n",
                "/__debugger__/failures/" + traceback.id())).contains(icon);
    }

    @Test
    void theSourcePageHasAWayBackToTheTraceback() {
        Traceback traceback = factory.capture(applicationFailure(), null);

        String page = new SourcePageRenderer(new JavaHighlighter(analyzer))
                .render(traceback.root().frames().getFirst(), "n", "/__debugger__/failures/" + traceback.id());

        assertThat(page).contains("<a href=\"/__debugger__/failures/" + traceback.id()
                + "\" id=\"back-to-traceback\">&#8592; Back to the traceback</a>");
    }

    @Test
    void theConsolePageIsNoFailure() {
        String page = new ConsolePageRenderer(console).render(SECURITY);

        assertThat(page).contains("<header class=\"console-header\">").doesNotContain("class=\"exception", "caught this");
        assertThat(page).contains("<footer>RunServerPlus development server &middot; a console in this server&#39;s JVM");
    }

    /** The markup of the frame of {@code method}: from its {@code <li>} to the next one. */
    private static String frameOf(String page, String method) {
        Matcher frame = Pattern.compile("<li class=\"frame [^\"]*\" id=\"frame-\\d+\">\\n<div class=\"frame-head\">.*?"
                + "<span class=\"method\">" + method + "</span>.*?</li>", Pattern.DOTALL).matcher(page);
        assertThat(frame.find()).as("a frame of %s", method).isTrue();
        return frame.group();
    }
}
