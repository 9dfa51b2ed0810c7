package io.runserverplus.core.render;

import static org.owasp.encoder.Encode.forHtml;
import static org.owasp.encoder.Encode.forHtmlAttribute;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code GET /__debugger__/}: the failures the server keeps, newest first, each linking to its page.
 * The page's own script ({@code failures.js}) asks the server for newer failures and swaps the
 * list in place, so it stays current while open.
 */
public final class FailureListRenderer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    /** A message longer than this is cut in the list; the page shows it whole. */
    private static final int MESSAGE_LENGTH = 160;

    private FailureListRenderer() {
    }

    public static String render(List<FailureRow> rows, long latest, String nonce) {
        StringBuilder html = new StringBuilder(1024 + rows.size() * 600);
        PageLayout.open(html, "Failures", nonce, "data-traceback=\"\" data-focus=\"-1\" data-console=\"off\""
                + " data-latest=\"" + latest + "\"");
        html.append("<link rel=\"stylesheet\" href=\"/__debugger__/resource/failures.css?v=")
                .append(PageLayout.ASSET_VERSION).append("\">\n");
        html.append("<header class=\"exception failures-header\">\n<h1>Failures</h1>\n<p class=\"request\">")
                .append("The failed requests this server keeps (the last 64), newest first; each opens its page,")
                .append(" console included. This list updates itself.</p>\n</header>\n<main>\n");
        rows(html, rows);
        html.append("</main>\n<script src=\"/__debugger__/resource/failures.js?v=").append(PageLayout.ASSET_VERSION)
                .append("\" nonce=\"").append(forHtmlAttribute(nonce)).append("\" defer></script>\n");
        PageLayout.close(html);
        return html.toString();
    }

    private static void rows(StringBuilder html, List<FailureRow> rows) {
        if (rows.isEmpty()) {
            html.append("<p id=\"failures\" class=\"no-failures\">No failures yet.</p>\n");
            return;
        }
        html.append("<table id=\"failures\" class=\"failures\">\n<thead><tr><th>Time</th><th>Request</th><th>Status</th>")
                .append("<th>Exception</th><th>Where</th><th>Seen</th></tr></thead>\n<tbody>\n");
        for (FailureRow row : rows) {
            String link = "/__debugger__/failures/" + forHtmlAttribute(row.id());
            html.append("<tr class=\"failure").append(row.handledByApp() ? " handled-by-app" : "").append("\">")
                    .append("<td class=\"time\"><time datetime=\"").append(row.time()).append("\">")
                    .append(TIME.format(row.time())).append("</time></td>")
                    .append("<td class=\"request\"><a href=\"").append(link).append("\">")
                    .append(forHtml(row.method())).append(' ').append(forHtml(row.path())).append("</a></td>")
                    .append("<td class=\"status\">").append(row.status())
                    .append(row.handledByApp() ? " <span class=\"handled\">handled by the app</span>" : "").append("</td>")
                    .append("<td class=\"exception\"><a href=\"").append(link).append("\"><span class=\"type\">")
                    .append(forHtml(row.type())).append("</span>");
            if (!row.message().isEmpty()) {
                html.append(": <span class=\"message\">").append(forHtml(shortened(row.message()))).append("</span>");
            }
            html.append("</a></td><td class=\"where\">")
                    .append(row.frame().map(frame -> forHtml(frame.simpleClassName() + "." + frame.methodName()
                            + "(" + frame.fileAndLine() + ")")).orElse(""))
                    .append("</td><td class=\"times\">").append(row.times() == 1 ? "once" : row.times() + " times")
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String shortened(String message) {
        String first = message.lines().findFirst().orElse("");
        return first.length() > MESSAGE_LENGTH ? first.substring(0, MESSAGE_LENGTH) + "\u2026" : first;
    }
}
