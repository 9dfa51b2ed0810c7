package io.runserverplus.core.render;

import static org.owasp.encoder.Encode.forHtml;
import static org.owasp.encoder.Encode.forHtmlAttribute;

import io.runserverplus.spi.CapturedFrame;
import io.runserverplus.spi.CapturedVariable;

/**
 * A frame's captured variables as a foldable table: name, declared type, value rendered as the
 * console renders it (long strings cut, big collections folded, a broken or slow {@code toString} said).
 */
final class VariablesTable {

    private VariablesTable() {
    }

    /**
     * The table of {@code frame}'s variables, each value rendered within {@code values}' time budget;
     * with {@code expandable}, a variable holding an object with fields (such as {@code this}) gets a
     * button that shows them below it, one level at a time.
     */
    static void append(StringBuilder html, CapturedFrame frame, ValueTexts values, boolean open,
                       boolean expandable) {
        // When the values were read (after the finally blocks) is said once above the frames, not per table.
        html.append("<details class=\"locals\"").append(open ? " open" : "").append("><summary>Variables <small>(")
                .append(frame.variables().size()).append(")</small></summary>\n");
        if (frame.variables().isEmpty()) {
            html.append("<p class=\"no-locals\">No variables in scope.</p>\n</details>\n");
            return;
        }
        if (compiledWithoutLocalNames(frame)) {
            html.append("<p class=\"no-debug-info\">This method's class was compiled without local variable"
                    + " names (<code>javac</code> without <code>-g</code>): only <code>this</code> and the parameters"
                    + " are captured, named <code>arg0</code>, <code>arg1</code>, &#8230; Compile with <code>-g</code>"
                    + " to see every local variable by name; Maven and Gradle do by default.</p>\n");
        }
        html.append("<table>\n<thead><tr><th>name</th><th>type</th><th>value</th></tr></thead>\n<tbody>\n");
        for (CapturedVariable variable : frame.variables()) {
            String name = variable.name().equals("this") ? "this (self)" : variable.name();
            html.append("<tr><td class=\"var-name\">").append(forHtml(name)).append("</td><td class=\"var-type\">")
                    .append(Breakable.html(variable.declaredType() == null ? "" : variable.declaredType()))
                    .append("</td><td class=\"var-value\">");
            if (expandable && ObjectFields.expandable(variable.value())) {
                expandButton(html, variable.name(), "", name);
            }
            html.append("<pre>").append(forHtml(values.text(variable))).append("</pre></td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</details>\n");
    }

    /**
     * Whether the agent found no local variable table: then it names the parameters as javac does
     * ({@code arg0}, ...) and has no other locals. A method without parameters cannot tell, and says
     * nothing.
     */
    static boolean compiledWithoutLocalNames(CapturedFrame frame) {
        var named = frame.variables().stream().filter(variable -> !variable.name().equals("this")).toList();
        return !named.isEmpty() && named.stream().allMatch(variable -> GENERATED_NAME.matcher(variable.name()).matches());
    }

    private static final java.util.regex.Pattern GENERATED_NAME = java.util.regex.Pattern.compile("arg[0-9]+");

    /**
     * The button that asks {@code POST /__debugger__/expand} for the fields of variable {@code name}
     * at the dot {@code path} below it ({@code label} names it for screen readers).
     */
    static void expandButton(StringBuilder html, String name, String path, String label) {
        html.append("<button type=\"button\" class=\"expand-fields\" data-name=\"").append(forHtmlAttribute(name))
                .append("\" data-path=\"").append(forHtmlAttribute(path))
                .append("\" aria-expanded=\"false\" aria-label=\"Show the fields of ").append(forHtmlAttribute(label))
                .append("\">fields</button>");
    }
}
