package io.runserverplus.core.render;

import static org.owasp.encoder.Encode.forHtmlAttribute;

import io.runserverplus.core.console.ConsoleSupport;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The standalone console page: a console in the server's JVM with the running application bound as
 * {@code app}, reachable without a failed request. Guarded like the traceback page's consoles.
 */
@Singleton
public class ConsolePageRenderer {

    private final ConsoleSupport console;

    @Inject
    public ConsolePageRenderer(ConsoleSupport console) {
        this.console = console;
    }

    public String render(PageSecurity security) {
        boolean consoleOn = console.provider().isPresent();
        StringBuilder html = new StringBuilder(4096);
        PageLayout.open(html, "Console", security.nonce(), "data-traceback=\"\" data-secret=\""
                + forHtmlAttribute(security.secret()) + "\" data-focus=\"-1\" data-console=\"" + (consoleOn ? "on" : "off")
                + "\" data-pin=\"" + (security.pinRequired() ? "required" : "off") + "\" data-standalone=\"on\"");
        html.append("<header class=\"exception console-header\">\n<h1>Console</h1>\n<p class=\"request\">Java code typed")
                .append(" here runs in this server's JVM (JShell). <code>app</code> is the running application;")
                .append(" <code>dump()</code> lists the variables, <code>dump(x)</code> shows an object's fields,")
                .append(" <code>help(x)</code> what a snippet may use on it.</p>\n");
        ConsoleNotes.append(html, console, true);
        html.append("</header>\n<main>\n");
        if (consoleOn) {
            html.append("<div class=\"frame standalone\" id=\"standalone-console\">")
                    .append("<div class=\"frame-head\">Console <button type=\"button\" class=\"console-icon\"")
                    .append(" data-frame=\"\" title=\"Open the console\" aria-label=\"Open the console\">&gt;_</button>")
                    .append("</div></div>\n");
        }
        html.append("</main>\n");
        if (consoleOn && security.pinRequired()) {
            PinDialog.append(html);
        }
        PageLayout.close(html);
        return html.toString();
    }
}
