package io.runserverplus.spi;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --live-reload}'s script tag in the app's HTML pages, the same rules on every adapter: an
 * adapter asks {@link #wanted} once the app set its status and headers, buffers the body only then,
 * and sends {@link #insert}'s bytes with their length as Content-Length.
 */
public final class LiveReloadTag {

    /** The debugger asset the tag loads; a file, so a Content-Security-Policy without inline script allows it. */
    public static final String SCRIPT = Debugger.PREFIX + "resource/live-reload.js";

    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=_-]+)'");
    private static final byte[] BODY_END = "</body>".getBytes(StandardCharsets.US_ASCII);
    /** Every debugger page links the debugger's style sheet; they reload by themselves (reload.js). */
    private static final byte[] DEBUGGER_PAGE = (Debugger.PREFIX + "resource/").getBytes(StandardCharsets.US_ASCII);

    private LiveReloadTag() {
    }

    /**
     * Whether this response may get the tag: a {@code text/html} body the app did not compress,
     * for a request other than {@code HEAD} and without a {@code Range}, with a full 2xx answer
     * (not 204 or 206) or an error page.
     */
    public static boolean wanted(String method, boolean rangeRequested, int status, String contentType,
                                 String contentEncoding) {
        // Pages only: a 2xx answer with content, or an error page (the app's own 404, say); never a redirect.
        boolean page = status >= 200 && status < 300 && status != 204 && status != 206 || status >= 400;
        return !"HEAD".equalsIgnoreCase(method) && !rangeRequested && page
                && contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("text/html")
                && !utf16(contentType)
                && (contentEncoding == null || contentEncoding.isBlank() || contentEncoding.equalsIgnoreCase("identity"));
    }

    /**
     * The body with the tag before its last {@code </body>} (at the end when it has none), carrying
     * the script nonce of the app's Content-Security-Policy when it has one; the body unchanged when
     * it is empty or a debugger page.
     */
    public static byte[] insert(byte[] body, Optional<String> contentSecurityPolicy) {
        if (body.length == 0 || indexOf(body, DEBUGGER_PAGE, false) >= 0) {
            return body;
        }
        String nonce = contentSecurityPolicy.map(LiveReloadTag::scriptNonce).orElse(null);
        byte[] tag = ("<script src=\"" + SCRIPT + "\"" + (nonce == null ? "" : " nonce=\"" + nonce + "\"")
                + "></script>").getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(body, BODY_END, true);
        if (at < 0) {
            at = body.length;
        }
        byte[] result = new byte[body.length + tag.length];
        System.arraycopy(body, 0, result, 0, at);
        System.arraycopy(tag, 0, result, at, tag.length);
        System.arraycopy(body, at, result, at + tag.length, body.length - at);
        return result;
    }

    /** The nonce the policy's script-src (or default-src) allows scripts with, if any. */
    static String scriptNonce(String policy) {
        String scripts = null;
        String fallback = null;
        for (String directive : policy.split(";")) {
            String d = directive.strip();
            String lower = d.toLowerCase(Locale.ROOT);
            if (lower.startsWith("script-src-elem ") || lower.startsWith("script-src ")) {
                scripts = scripts == null || lower.startsWith("script-src-elem ") ? d : scripts;
            } else if (lower.startsWith("default-src ")) {
                fallback = d;
            }
        }
        String chosen = scripts != null ? scripts : fallback;
        if (chosen == null) {
            return null;
        }
        Matcher nonce = NONCE.matcher(chosen);
        return nonce.find() ? nonce.group(1) : null;
    }

    private static boolean utf16(String contentType) {
        // The tag is ASCII, and so is </body> in every ASCII-compatible charset; not in UTF-16 or UTF-32.
        String lower = contentType.toLowerCase(Locale.ROOT);
        return lower.contains("utf-16") || lower.contains("utf-32");
    }

    private static int indexOf(byte[] body, byte[] what, boolean last) {
        int found = -1;
        outer:
        for (int i = 0; i + what.length <= body.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (Character.toLowerCase(body[i + j]) != what[j]) {
                    continue outer;
                }
            }
            if (!last) {
                return i;
            }
            found = i;
        }
        return found;
    }
}
