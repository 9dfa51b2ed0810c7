package io.runserverplus.core.render;

import static org.owasp.encoder.Encode.forHtml;

import io.runserverplus.spi.CapturedFrame;
import io.runserverplus.spi.CapturedVariable;

/**
 * A frame's captured variables as a foldable table: name, declared type, value rendered as the
 * console renders it (long strings cut, big collections folded, a broken or slow {@code toString} said).
 */
final class VariablesTable {

    private VariablesTable() {
    }

    static void append(StringBuilder html, CapturedFrame frame, ValueTexts values, boolean open) {
        html.append("<details class=\"locals\"").append(open ? " open" : "").append("><summary>Variables <small>")
                .append("(as the exception left this frame, after its finally blocks ran)</small></summary>\n");
        if (frame.variables().isEmpty()) {
            html.append("<p class=\"no-locals\">No variables in scope.</p>\n</details>\n");
            return;
        }
        html.append("<table>\n<thead><tr><th>name</th><th>type</th><th>value</th></tr></thead>\n<tbody>\n");
        for (CapturedVariable variable : frame.variables()) {
            String name = variable.name().equals("this") ? "this (self)" : variable.name();
            html.append("<tr><td class=\"var-name\">").append(forHtml(name)).append("</td><td class=\"var-type\">")
                    .append(forHtml(variable.declaredType() == null ? "" : variable.declaredType()))
                    .append("</td><td class=\"var-value\"><pre>").append(forHtml(values.text(variable)))
                    .append("</pre></td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</details>\n");
    }
}
