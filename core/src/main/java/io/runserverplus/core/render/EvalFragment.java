package io.runserverplus.core.render;

import static org.owasp.encoder.Encode.forHtml;
import static org.owasp.encoder.Encode.forHtmlAttribute;

import io.runserverplus.spi.EvalResult;
import java.util.Locale;

/**
 * The answer to one console input: the echoed input with its prompt, what the snippet printed, its
 * value, the console's note about it, or its error. Every text is the snippet's or the application's, so every text is encoded;
 * the page's script inserts the fragment as inert markup.
 */
public final class EvalFragment {

    public static final String PROMPT = ">>> ";
    public static final String CONTINUATION = "... ";

    private EvalFragment() {
    }

    /** The fragment for {@code code}, the input this request sent, and what evaluating it gave. */
    public static String render(String code, EvalResult result) {
        StringBuilder html = new StringBuilder(256);
        html.append("<div class=\"eval ").append(result.status().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .append("\" data-prompt=\"").append(forHtmlAttribute(result.nextPrompt())).append("\">");
        html.append("<pre class=\"eval-input\">").append(forHtml(echo(code, continues(code, result)))).append("</pre>");
        section(html, "eval-output", result.output());
        section(html, "eval-value", result.value());
        // Said once by the console: a local changed only in its copy, a type it fell back from, missing variables.
        section(html, "eval-note", result.note());
        section(html, "eval-error", result.error());
        return html.append("</div>\n").toString();
    }

    /** Whether {@code code} continued input left pending by the previous request. */
    private static boolean continues(String code, EvalResult result) {
        String whole = result.input() == null ? "" : result.input();
        return whole.length() > code.length() && whole.endsWith(code);
    }

    /** Each line of the input behind its prompt: the first one's, then {@code ... }. */
    private static String echo(String code, boolean continued) {
        StringBuilder text = new StringBuilder();
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            text.append(i == 0 && !continued ? PROMPT : CONTINUATION).append(lines[i]);
            if (i < lines.length - 1) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static void section(StringBuilder html, String cssClass, String text) {
        if (text != null && !text.isEmpty()) {
            html.append("<pre class=\"").append(cssClass).append("\">").append(forHtml(text)).append("</pre>");
        }
    }
}
