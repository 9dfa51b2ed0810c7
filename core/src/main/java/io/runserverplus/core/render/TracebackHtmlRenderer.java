package io.runserverplus.core.render;

import static org.owasp.encoder.Encode.forHtml;
import static org.owasp.encoder.Encode.forHtmlAttribute;
import static org.owasp.encoder.Encode.forUriComponent;

import io.runserverplus.core.console.ConsoleSupport;
import io.runserverplus.core.source.SourceWindow;
import io.runserverplus.core.traceback.Frame;
import io.runserverplus.core.traceback.ThrowableInfo;
import io.runserverplus.core.traceback.Traceback;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The traceback page: the exception first, then each throwable of the chain with its frames.
 * Application frames stand out; runs of library and JDK frames fold into one row; the innermost
 * application frame of the deepest cause is opened and scrolled to by the page's script. Every
 * value from the exception, the request or a source file goes through the HTML encoder.
 */
@Singleton
public class TracebackHtmlRenderer {

    private final JavaHighlighter highlighter;
    private final ConsoleSupport console;

    @Inject
    public TracebackHtmlRenderer(JavaHighlighter highlighter, ConsoleSupport console) {
        this.highlighter = highlighter;
        this.console = console;
    }

    /**
     * The whole page for a traceback; {@code security} gives the secret embedded for the page's
     * commands, the response's script nonce, and whether the console may be offered.
     */
    public String render(Traceback traceback, String requestLine, PageSecurity security) {
        ThrowableInfo root = traceback.root();
        int focus = traceback.focusFrame().map(Frame::id).orElse(-1);
        boolean consoleOn = security.consoleEnabled() && console.provider().isPresent();
        StringBuilder html = new StringBuilder(32 * 1024);
        PageLayout.open(html, root.summary().lines().findFirst().orElse(root.typeName()), security.nonce(),
                "data-traceback=\"" + forHtmlAttribute(traceback.id()) + "\" data-secret=\""
                        + forHtmlAttribute(security.secret()) + "\" data-focus=\"" + focus + "\" data-console=\""
                        + (consoleOn ? "on" : "off") + "\" data-pin=\""
                        + (security.pinRequired() ? "required" : "off") + "\"");
        FailureSummary.append(html, root, requestLine);
        html.append("<main>\n");
        security.consoleDisabled().ifPresent(reason ->
                html.append("<p class=\"console-disabled\" role=\"note\">").append(forHtml(reason)).append("</p>\n"));
        ConsoleNotes.append(html, console, security.consoleEnabled());
        html.append("<h2>Traceback <small>(innermost call first, as Java prints it)</small></h2>\n");
        ValueTexts values = ValueTexts.of(traceback, console::render);
        Writer writer = new Writer(new StringBuilder(32 * 1024), traceback, security.secret(), focus, consoleOn, values);
        writer.throwable(root, "");
        if (writer.sawVariables) {
            // Said once for the page: every frame's table would otherwise repeat it.
            html.append("<p class=\"locals-note\">Variables show each frame as the exception left it, after its"
                    + " finally blocks ran.</p>\n");
        }
        html.append(writer.html);
        plainText(html, traceback.plainText(), MarkdownReport.of(traceback, requestLine));
        html.append("</main>\n");
        if (consoleOn && security.pinRequired()) {
            PinDialog.append(html);
        }
        PageLayout.close(html);
        return html.toString();
    }

    /** Writes one page; holds what every part of it needs. */
    private final class Writer {
        private final StringBuilder html;
        private final Traceback traceback;
        private final String secret;
        private final int focus;
        private final boolean consoleIcons;
        private final ValueTexts values;
        /** Whether some frame showed its variables, so the page explains once when they were read. */
        private boolean sawVariables;

        Writer(StringBuilder html, Traceback traceback, String secret, int focus, boolean consoleIcons,
               ValueTexts values) {
            this.values = values;
            this.html = html;
            this.traceback = traceback;
            this.secret = secret;
            this.focus = focus;
            this.consoleIcons = consoleIcons;
        }

        void throwable(ThrowableInfo info, String relation) {
            html.append("<section class=\"throwable\">\n");
            if (info.circularReference()) {
                html.append("<h3><span class=\"relation\">").append(relation).append("</span> ")
                        .append("<span class=\"circular\">[circular reference: ").append(Breakable.html(info.summary()))
                        .append("]</span></h3>\n</section>\n");
                return;
            }
            if (!relation.isEmpty()) {
                // The outermost exception needs no heading: the summary above names it and its message.
                html.append("<h3><span class=\"relation\">").append(relation).append("</span> ")
                        .append(Breakable.html(info.summary())).append("</h3>\n");
            }
            html.append("<ol class=\"frames\">\n");
            frames(info.uniqueFrames());
            html.append("</ol>\n");
            if (info.framesInCommon() > 0) {
                html.append("<p class=\"more\">... ").append(info.framesInCommon())
                        .append(" more (the same frames as the throwable above)</p>\n");
            }
            info.suppressed().forEach(each -> throwable(each, "Suppressed:"));
            html.append("</section>\n");
            info.cause().ifPresent(cause -> throwable(cause, "Caused by:"));
        }

        /** Application frames one by one; each run of other visible frames folds into one row. */
        private void frames(List<Frame> frames) {
            List<Frame> run = new ArrayList<>();
            for (Frame frame : frames) {
                if (frame.hidden()) {
                    continue;
                }
                if (frame.isApplication()) {
                    foldedRun(run);
                    run.clear();
                    frame(frame, frame.id() == focus);
                } else {
                    run.add(frame);
                }
            }
            foldedRun(run);
        }

        private void foldedRun(List<Frame> run) {
            if (run.size() == 1) {
                frame(run.getFirst(), false);
            } else if (!run.isEmpty()) {
                Set<String> origins = new LinkedHashSet<>();
                run.forEach(frame -> origins.add(frame.origin().isEmpty() ? frame.kind().cssName() : frame.origin()));
                html.append("<li class=\"frame-group\"><details><summary>").append(run.size())
                        .append(" library and JDK frames <span class=\"origins\">")
                        .append(forHtml(String.join(", ", origins))).append("</span></summary>\n<ol class=\"frames\">\n");
                run.forEach(frame -> frame(frame, false));
                html.append("</ol></details></li>\n");
            }
        }

        private void frame(Frame frame, boolean isFocus) {
            boolean hasSource = frame.source().isPresent();
            html.append("<li class=\"frame ").append(frame.kind().cssName()).append(isFocus ? " focus expanded" : "")
                    .append("\" id=\"frame-").append(frame.id()).append("\">\n<div class=\"frame-head\">");
            if (hasSource) {
                // A visible control that says what clicking the row does; the script keeps aria-expanded true.
                html.append("<button type=\"button\" class=\"disclosure\" aria-expanded=\"").append(isFocus)
                        .append("\" aria-controls=\"source-").append(frame.id()).append("\" aria-label=\"Source around line ")
                        .append(Math.max(frame.lineNumber(), 0)).append("\">&#9654;</button> ");
            }
            html.append("<span class=\"at\">at</span> <span class=\"class\">").append(Breakable.html(frame.className()))
                    .append("</span>.<wbr><span class=\"method\">").append(forHtml(frame.methodName()))
                    .append("</span><wbr>(<span class=\"file\">").append(forHtml(frame.fileAndLine())).append("</span>)");
            badge(frame);
            if (consoleIcons && frame.isApplication()) {
                // A real button (no inline handler): the page's script opens the frame's console.
                html.append(" <button type=\"button\" class=\"console-icon\" data-frame=\"").append(frame.id())
                        .append("\" title=\"Open a console in this frame\" aria-label=\"Open a console in this frame\">"
                                + "&gt;_</button>");
            }
            if (hasSource) {
                // A form that posts the secret, not a link carrying it: a URL lands in the history, the
                // request log and Referer headers; a POST body in none of them.
                html.append(" <form class=\"view-source\" method=\"post\" action=\"/__debugger__/source?tb=")
                        .append(forUriComponent(traceback.id())).append("&amp;frame=").append(frame.id())
                        .append("\" target=\"_blank\" rel=\"noopener\"><input type=\"hidden\" name=\"s\" value=\"")
                        .append(forHtmlAttribute(secret)).append("\"><button type=\"submit\">view source</button></form>");
                SourceWindow window = frame.source().get();
                String line = window.line() >= window.firstLine() && window.line() - window.firstLine() < window.lines().size()
                        ? window.lines().get(window.line() - window.firstLine()).strip() : "";
                html.append("<code class=\"current-line\">").append(forHtml(line)).append("</code>");
            }
            html.append("</div>\n");
            frame.source().ifPresent(window -> sourceWindow(window, frame.id()));
            frame.locals().ifPresent(locals -> {
                sawVariables = true;
                VariablesTable.append(html, locals, values, isFocus, consoleIcons);
            });
            html.append("</li>\n");
        }

        /** The source file's name when it was found (its path in the title), else where the class came from. */
        private void badge(Frame frame) {
            String origin = frame.origin();
            if (frame.source().isPresent()) {
                String path = frame.source().get().file().displayPath();
                String name = path.substring(Math.max(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')),
                        path.lastIndexOf('!')) + 1);
                html.append(" <span class=\"origin\" title=\"").append(forHtmlAttribute(path))
                        .append(origin.isEmpty() ? "" : forHtmlAttribute(", compiled into " + origin)).append("\">")
                        .append(forHtml(name)).append("</span>");
            } else if (!origin.isEmpty()) {
                html.append(" <span class=\"origin\">").append(Breakable.html(origin)).append("</span>");
            }
        }

        private void sourceWindow(SourceWindow window, int frameId) {
            List<String> highlighted = highlighter.highlight(window.file());
            html.append("<div class=\"source\" id=\"source-").append(frameId).append("\"><table>\n");
            for (int i = 0; i < window.lines().size(); i++) {
                int number = window.firstLine() + i;
                SourceLines.row(html, number, highlighted.get(number - 1), number == window.line(),
                        window.enclosing().map(range -> range.contains(number)).orElse(false));
            }
            html.append("</table></div>\n");
        }
    }

    private static void plainText(StringBuilder html, String text, String markdown) {
        html.append("<section class=\"plain\">\n<h2>Plain text</h2>\n<p>")
                .append("<button type=\"button\" id=\"toggle-plain\">Show the plain-text traceback</button> ")
                .append("<button type=\"button\" id=\"copy-plain\">Copy to clipboard</button> ")
                .append("<span id=\"copy-status\" role=\"status\"></span></p>\n")
                .append("<pre id=\"plain-text\" hidden>").append(forHtml(text)).append("</pre>\n")
                .append("<pre id=\"markdown-text\" hidden>").append(forHtml(markdown)).append("</pre>\n</section>\n");
    }

}
