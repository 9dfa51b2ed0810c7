package io.runserverplus.core.debugger;

import io.runserverplus.spi.DebugResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Headers of every debugger page: never cached or sniffed, framed by nobody, and a
 * Content-Security-Policy whose scripts must carry this response's nonce, so an injected
 * {@code <script>} (or an inline handler) runs nowhere even if escaping ever failed. Every other
 * debugger answer (text, JSON, assets) is not sniffed either and sends no Referer onwards.
 */
final class PageHeaders {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PageHeaders() {
    }

    /** A fresh nonce: 128 random bits, as the CSP specification recommends at least. */
    static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The headers every answer of the debugger carries, pages or not. */
    static DebugResponse onEveryAnswer(DebugResponse answer) {
        return answer.withHeader("X-Content-Type-Options", "nosniff").withHeader("Referrer-Policy", "no-referrer");
    }

    static Map<String, String> forNonce(String nonce) {
        return Map.of(
                "Cache-Control", "no-store",
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer",
                "Content-Security-Policy", "default-src 'self'; script-src 'nonce-" + nonce + "'; style-src 'self';"
                        + " img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self';"
                        + " frame-ancestors 'none'");
    }
}
