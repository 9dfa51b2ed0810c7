package io.runserverplus.core.render;

import io.runserverplus.core.traceback.ThrowableInfo;

/** The top of the traceback page, which says what failed without a scroll; the page's script wires its buttons. */
final class FailureSummary {

    private FailureSummary() {
    }

    /**
     * The summary that stays at the top while the page scrolls: the exception, its message, the root
     * cause and the request, with the buttons that copy the failure as text or as Markdown.
     */
    static void append(StringBuilder html, ThrowableInfo root, String requestLine) {
        html.append("<header class=\"exception summary\" id=\"summary\">\n<div class=\"summary-text\">\n<h1>")
                .append(Breakable.html(root.typeName())).append("</h1>\n");
        root.message().ifPresent(message ->
                html.append("<pre class=\"message\">").append(Breakable.html(message)).append("</pre>\n"));
        MarkdownReport.rootCause(root).ifPresent(cause -> html.append("<p class=\"root-cause\">Root cause: <code>")
                .append(Breakable.html(MarkdownReport.firstLine(cause))).append("</code></p>\n"));
        html.append("<p class=\"request\"><code>").append(Breakable.html(MarkdownReport.request(requestLine)))
                .append("</code></p>\n</div>\n<p class=\"summary-actions\">")
                .append("<button type=\"button\" id=\"copy-text\">Copy as text</button> ")
                .append("<button type=\"button\" id=\"copy-markdown\">Copy as Markdown</button> ")
                .append("<span id=\"summary-status\" role=\"status\"></span></p>\n</header>\n");
    }
}
