package io.runserverplus.reloader;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * What the supervisor answers on the app's port while the app is not running: why (the app's last
 * output, or javac's errors), as HTML for a browser, RFC 9457 problem JSON for a client that asks
 * for JSON, and plain text otherwise. The HTML looks like the debugger's pages, loads no inline
 * script or style (its Content-Security-Policy allows this origin's assets only), and reloads
 * itself once the port answers with something else.
 *
 * <p>Escaped by hand: this module depends on the JDK only, and five characters are all HTML text
 * and attribute values need.
 */
abstract sealed class SupervisorPage {

    /** A response's body and content type. */
    record Body(String contentType, byte[] bytes) {
        static Body of(String contentType, String text) {
            return new Body(contentType, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    static final String ASSETS = "/__debugger__/runserverplus-supervisor/";
    static final String STYLE = ASSETS + "page.css";
    static final String SCRIPT = ASSETS + "reload.js";
    /** The event stream a page served by the supervisor listens to (see reload.js). */
    static final String RELOADS = "/__debugger__/reloads";

    /** The Content-Security-Policy of the HTML: this origin's stylesheet, script and event stream, nothing else. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** The body for a request that may see why the app is down. */
    final Body render(String accept) {
        String wanted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        if (wanted.contains("text/html")) {
            return Body.of("text/html; charset=utf-8", html());
        }
        if (wanted.contains("json")) {
            return Body.of("application/problem+json", problem());
        }
        return Body.of("text/plain; charset=utf-8", text());
    }

    abstract String text();

    abstract String html();

    abstract String problem();

    /** The app is down: its last output, in its own words. */
    static final class AppDown extends SupervisorPage {
        private final String text;

        AppDown(String text) {
            this.text = text;
        }

        @Override
        String text() {
            return text;
        }

        @Override
        String html() {
            return page("The app is not running", "RunServerPlus: the app is not running",
                    "It restarts when a watched file changes; this page reloads itself then.",
                    "<section class=\"plain\"><pre>" + escape(text) + "</pre></section>");
        }

        @Override
        String problem() {
            return "{\"type\":\"about:blank\",\"title\":\"The app is not running\",\"status\":503,\"detail\":"
                    + json(text) + "}";
        }
    }

    /** The sources do not compile: javac's errors, each with its source lines. */
    static final class CompileErrors extends SupervisorPage {
        private final List<CompileError> errors;

        CompileErrors(List<CompileError> errors) {
            this.errors = List.copyOf(errors);
        }

        private String title() {
            return errors.size() == 1 ? "1 compile error" : errors.size() + " compile errors";
        }

        @Override
        String text() {
            var text = new StringBuilder("RunServerPlus: the app does not compile (" + title()
                    + "). It reloads when a save fixes it.\n\n");
            errors.forEach(error -> text.append(error.forTerminal()).append('\n'));
            return text.toString();
        }

        @Override
        String html() {
            var body = new StringBuilder();
            for (CompileError error : errors) {
                body.append("<section class=\"compile-error\"><h2><code>")
                        .append(escape(error.file() == null ? "javac" : error.file().toString())).append("</code>");
                if (error.line() > 0) {
                    body.append(" <small>line ").append(error.line()).append(", column ").append(error.column())
                            .append("</small>");
                }
                body.append("</h2><pre class=\"diagnostic\">").append(escape(error.message())).append("</pre>");
                if (!error.context().isEmpty()) {
                    body.append("<div class=\"source full\"><table>");
                    for (int i = 0; i < error.context().size(); i++) {
                        long number = error.firstLine() + i;
                        String line = error.context().get(i);
                        boolean current = number == error.line();
                        body.append("<tr class=\"line").append(current ? " current" : "").append("\"><td class=\"ln\">")
                                .append(number).append("</td><td><pre>")
                                .append(current ? marked(line, error.column()) : escape(line))
                                .append("</pre></td></tr>");
                    }
                    body.append("</table></div>");
                }
                body.append("</section>");
            }
            return page("Compile error", "CompileError: " + title(),
                    "The app runs again when a save fixes it; this page reloads itself then.", body.toString());
        }

        /** The line with the character javac points at marked. */
        private static String marked(String line, long column) {
            int at = (int) column - 1;
            if (at < 0 || at >= line.length()) {
                return escape(line);
            }
            return escape(line.substring(0, at)) + "<mark class=\"error-at\">" + escape(line.substring(at, at + 1))
                    + "</mark>" + escape(line.substring(at + 1));
        }

        @Override
        String problem() {
            var items = new StringBuilder();
            for (CompileError error : errors) {
                items.append(items.isEmpty() ? "" : ",").append("{\"file\":")
                        .append(error.file() == null ? "null" : json(error.file().toString()))
                        .append(",\"line\":").append(error.line()).append(",\"column\":").append(error.column())
                        .append(",\"message\":").append(json(error.message())).append('}');
            }
            return "{\"type\":\"about:blank\",\"title\":\"The app does not compile\",\"status\":503,\"detail\":"
                    + json(title() + "; the app reloads when a save fixes it.") + ",\"errors\":[" + items + "]}";
        }
    }

    static String page(String title, String heading, String message, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " · RunServerPlus</title>"
                + "<link rel=\"stylesheet\" href=\"" + STYLE + "\">"
                + "<script src=\"" + SCRIPT + "\" defer></script></head>\n<body>"
                + "<header class=\"exception\"><h1>" + escape(heading) + "</h1><p class=\"message\">" + escape(message)
                + "</p></header>\n<main>" + body + "</main></body></html>\n";
    }

    static String escape(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String json(String text) {
        var out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // <, > and & too, so the JSON stays inert if a browser ever sniffs it as HTML
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
