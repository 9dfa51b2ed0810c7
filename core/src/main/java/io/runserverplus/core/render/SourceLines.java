package io.runserverplus.core.render;

/** One numbered source line as a table row, shared by frame windows and the source page. */
final class SourceLines {
    private SourceLines() {
    }

    /**
     * @param highlightedHtml the line, already encoded by {@link JavaHighlighter}
     * @param current         the frame's own line
     * @param inCallable      inside the method, constructor or lambda the frame is executing
     */
    static void row(StringBuilder html, int number, String highlightedHtml, boolean current, boolean inCallable) {
        html.append("<tr id=\"L").append(number).append("\" class=\"line")
                .append(current ? " current" : "").append(inCallable ? " in-callable" : "")
                .append("\"><td class=\"ln\">").append(number).append("</td><td class=\"code\"><pre>")
                .append(highlightedHtml).append("</pre></td></tr>\n");
    }
}
