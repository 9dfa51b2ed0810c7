package io.runserverplus.core.render;

import static org.owasp.encoder.Encode.forHtml;
import static org.owasp.encoder.Encode.forHtmlAttribute;

import java.util.List;
import java.util.function.Function;

/**
 * The answer to {@code POST /__debugger__/expand}: one variables-table row per field of a value
 * (name, declared type, value rendered as the table renders values), for the page's script to put
 * below the row it expands. A table around them, so that the rows survive HTML parsing.
 */
public final class FieldRows {

    /** Nesting deeper than this is indented as this deep (the style sheet has classes up to it). */
    static final int MAX_INDENT = 8;

    private FieldRows() {
    }

    /**
     * The rows of {@code fields}, the fields of variable {@code name} at the dot {@code path} below it
     * (empty for the variable itself); {@code render} renders a value.
     */
    public static String render(String name, String path, List<ObjectFields.FieldValue> fields,
                                Function<Object, String> render) {
        String parent = path.isEmpty() ? name : name + "." + path;
        int depth = Math.min(MAX_INDENT, path.isEmpty() ? 1 : path.split("\\.").length + 1);
        StringBuilder html = new StringBuilder(256 + 128 * fields.size());
        html.append("<table><tbody>\n");
        if (fields.isEmpty()) {
            row(html, parent, depth).append("<td class=\"var-name\"></td><td class=\"var-type\"></td>")
                    .append("<td class=\"var-value\"><pre class=\"no-fields\">(no instance fields)</pre></td></tr>\n");
        }
        for (ObjectFields.FieldValue field : fields) {
            row(html, parent, depth).append("<td class=\"var-name\">").append(forHtml(field.name()))
                    .append("</td><td class=\"var-type\">").append(forHtml(field.declaredType()))
                    .append("</td><td class=\"var-value\">");
            if (field.unreadable() != null) {
                html.append("<pre class=\"unreadable\">").append(forHtml(field.unreadable())).append("</pre>");
            } else {
                String fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
                if (field.expandable()) {
                    VariablesTable.expandButton(html, name, fieldPath, name + "." + fieldPath);
                }
                html.append("<pre>").append(forHtml(render.apply(field.value()))).append("</pre>");
            }
            html.append("</td></tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    private static StringBuilder row(StringBuilder html, String parent, int depth) {
        return html.append("<tr class=\"field-row depth-").append(depth).append("\" data-parent=\"")
                .append(forHtmlAttribute(parent)).append("\">");
    }
}
