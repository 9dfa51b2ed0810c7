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
        // Neutral, not a failure's red: nothing went wrong here. No frame, so no frame's variables to list.
        html.append("<header class=\"console-header\">\n<h1>Console</h1>\n<p class=\"intro\">Java code typed")
                .append(" here runs in this server's JVM (JShell), outside any request. <code>app</code> is the running")
                .append(" application; <code>dump(app)</code> shows its fields, <code>help(app)</code> what a snippet may")
                .append(" use on it.</p>\n");
        ConsoleNotes.append(html, console, true);
        html.append("</header>\n<main>\n");
        if (consoleOn) {
            html.append("<div class=\"frame standalone\" id=\"standalone-console\">")
                    .append("<div class=\"frame-head\">Console <button type=\"button\" class=\"console-icon\"")
                    .append(" data-frame=\"\" title=\"Open the console\" aria-label=\"Open the console\">&gt;_</button>")
                    .append("</div>\n<div id=\"console-locked\" class=\"console-locked\" hidden><p>The console is locked:")
                    .append(" enter the PIN printed on the terminal where the server runs to use it.</p>")
                    .append("<button type=\"button\" id=\"console-unlock\">Enter the PIN</button></div></div>\n");
        }
        html.append("</main>\n");
        if (consoleOn && security.pinRequired()) {
            PinDialog.append(html);
        }
        PageLayout.close(html, "a console in this server's JVM, for development only.");
        return html.toString();
    }
}
