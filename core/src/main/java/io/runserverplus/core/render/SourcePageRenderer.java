package io.runserverplus.core.render;

import static org.owasp.encoder.Encode.forHtml;
import static org.owasp.encoder.Encode.forHtmlAttribute;

import io.runserverplus.core.source.SourceWindow;
import io.runserverplus.core.traceback.Frame;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** The "view source" page: a frame's whole file, highlighted, its lines marked, scrolled to its line. */
@Singleton
public class SourcePageRenderer {

    private final JavaHighlighter highlighter;

    @Inject
    public SourcePageRenderer(JavaHighlighter highlighter) {
        this.highlighter = highlighter;
    }

    /**
     * The page; {@code nonce} is the one this response's Content-Security-Policy names, and
     * {@code tracebackPath} the address of the failure's own page, which its "back" link opens.
     */
    public String render(Frame frame, String nonce, String tracebackPath) {
        StringBuilder html = new StringBuilder(64 * 1024);
        String title = frame.fileAndLine();
        PageLayout.open(html, title, nonce, "class=\"source-page\" data-line=\"" + Math.max(frame.lineNumber(), 0) + "\"");
        // The page opened in a tab of its own: closing it is the way back to the traceback it came
        // from (debugger.js); opened any other way, the link leads to the failure's page.
        html.append("<header class=\"exception source-header\"><p class=\"back\"><a href=\"")
                .append(forHtmlAttribute(tracebackPath))
                .append("\" id=\"back-to-traceback\">&#8592; Back to the traceback</a></p>\n<h1>")
                .append(Breakable.html(title)).append("</h1>\n<p class=\"request\">")
                .append(Breakable.html(frame.location())).append("</p>\n");
        if (frame.source().isEmpty()) {
            html.append("</header>\n<main><p class=\"no-source\">Source not available for <code>")
                    .append(forHtml(frame.className()))
                    .append("</code>. Add its source directory with <code>sourceRoots(...)</code>, or its"
                            + " <code>-sources.jar</code> to the local Maven repository.</p></main>\n");
        } else {
            SourceWindow window = frame.source().get();
            html.append("<p class=\"path\">").append(Breakable.html(window.file().displayPath())).append("</p></header>\n")
                    .append("<main><div class=\"source full\"><table>\n");
            List<String> lines = highlighter.highlight(window.file());
            for (int i = 0; i < lines.size(); i++) {
                int number = i + 1;
                SourceLines.row(html, number, lines.get(i), number == window.line(),
                        window.enclosing().map(range -> range.contains(number)).orElse(false));
            }
            html.append("</table></div></main>\n");
        }
        PageLayout.close(html, "the source of a frame of a failure the debugger caught.");
        return html.toString();
    }
}
