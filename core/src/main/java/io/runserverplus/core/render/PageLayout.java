package io.runserverplus.core.render;

import static org.owasp.encoder.Encode.forHtml;
import static org.owasp.encoder.Encode.forHtmlAttribute;

/**
 * The frame shared by every debugger page: no inline script or style, so the Content-Security-Policy
 * can forbid both; the script reads what it needs from {@code data-} attributes on the body.
 */
final class PageLayout {
    /** Bumped with the assets so browsers never mix an old script with a new page. */
    static final String ASSET_VERSION = "8";

    /** Whether this JVM is an app the reloader's supervisor started, which it may replace by another. */
    private static final boolean UNDER_SUPERVISOR =
            "1".equals(System.getenv(io.runserverplus.spi.ReloaderProvider.CHILD_ENV));

    private PageLayout() {
    }

    /**
     * Opens the document; {@code bodyAttributes} must already be encoded. The script carries the
     * response's nonce, which the Content-Security-Policy requires of every script.
     */
    static void open(StringBuilder html, String title, String nonce, String bodyAttributes) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(forHtml(title)).append(" // RunServerPlus</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/__debugger__/resource/debugger.css?v=").append(ASSET_VERSION)
                .append("\">\n<link rel=\"icon\" type=\"image/svg+xml\" href=\"/__debugger__/resource/favicon.svg?v=")
                .append(ASSET_VERSION)
                .append("\">\n<script src=\"/__debugger__/resource/debugger.js?v=").append(ASSET_VERSION)
                .append("\" nonce=\"").append(forHtmlAttribute(nonce)).append("\" defer></script>\n");
        if (UNDER_SUPERVISOR) {
            // The page reloads itself when the supervisor has started another app (see reload.js).
            html.append("<script src=\"/__debugger__/resource/reload.js?v=").append(ASSET_VERSION)
                    .append("\" nonce=\"").append(forHtmlAttribute(nonce)).append("\" defer></script>\n");
        }
        html.append("</head>\n<body ").append(bodyAttributes).append(">\n");
    }

    static void close(StringBuilder html) {
        close(html, "the debugger caught this in your application; this page is never shown to production users.");
    }

    /** Closes the document with a footer that says, in {@code plainText}, what this page is. */
    static void close(StringBuilder html, String plainText) {
        html.append("<footer>RunServerPlus development server &middot; ").append(forHtml(plainText))
                .append("</footer>\n</body>\n</html>\n");
    }
}
