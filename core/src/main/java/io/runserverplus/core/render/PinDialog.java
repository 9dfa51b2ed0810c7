package io.runserverplus.core.render;

/**
 * The dialog that asks for the PIN before a console opens. Written into the page (not built by
 * the script) so that every word of it is in one place and nothing is assembled from strings in
 * the browser; the script only shows it, posts the PIN and writes the outcome with textContent.
 */
final class PinDialog {
    private PinDialog() {
    }

    static void append(StringBuilder html) {
        html.append("<dialog id=\"pin-dialog\" aria-labelledby=\"pin-title\">\n<form id=\"pin-form\" method=\"dialog\">\n")
                .append("<h2 id=\"pin-title\">Console locked</h2>\n")
                .append("<p>The console runs code in this server's JVM, so it is guarded by a PIN. Enter the PIN")
                .append(" printed on the terminal where the server runs (the line <code>* Debugger PIN:</code>).</p>\n")
                .append("<p><label for=\"pin-input\">PIN</label> <input id=\"pin-input\" name=\"pin\" autocomplete=\"off\"")
                .append(" inputmode=\"numeric\" spellcheck=\"false\" required>\n")
                .append("<button type=\"submit\" id=\"pin-submit\">Confirm PIN</button>\n")
                .append("<button type=\"button\" id=\"pin-cancel\">Cancel</button></p>\n")
                .append("<p id=\"pin-message\" role=\"alert\"></p>\n")
                .append("<p class=\"pin-help\">Lost it? <button type=\"button\" id=\"pin-print\">Print the PIN")
                .append(" on the terminal again</button></p>\n</form>\n</dialog>\n");
    }
}
