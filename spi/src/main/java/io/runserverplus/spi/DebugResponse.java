package io.runserverplus.spi;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the debugger answers; an adapter copies it onto its framework's response.
 *
 * @param status      the HTTP status code
 * @param contentType the full Content-Type, e.g. {@code text/html; charset=utf-8}
 * @param headers     further headers to set
 * @param body        the bytes to send
 */
public record DebugResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    public DebugResponse {
        headers = Map.copyOf(headers);
    }

    public static DebugResponse of(int status, String contentType, String body) {
        return new DebugResponse(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy with one more header. */
    public DebugResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new DebugResponse(status, contentType, more, body);
    }

    /** The body as UTF-8 text (for tests and logs). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
