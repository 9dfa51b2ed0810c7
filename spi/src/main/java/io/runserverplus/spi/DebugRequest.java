package io.runserverplus.spi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A framework-neutral view of one HTTP request, made by an adapter when the debugger needs it
 * (a failed request or a {@code /__debugger__} command), never on the fast path.
 *
 * @param method        the HTTP method, e.g. {@code GET}
 * @param path          the decoded path without the query, e.g. {@code /boom}
 * @param query         the raw query string without {@code ?}, empty when there is none
 * @param protocol      e.g. {@code HTTP/1.1}
 * @param secure        whether the request came over TLS
 * @param headers       header names (any case) to their values, in arrival order
 * @param remoteAddress the client's address as text
 * @param body          the request body as read by the adapter: only for POST commands to the
 *                      debugger (empty otherwise), and at most {@link #MAX_BODY} + 1 bytes so the
 *                      debugger can tell an oversized body from a full one
 */
public record DebugRequest(
        String method,
        String path,
        String query,
        String protocol,
        boolean secure,
        Map<String, List<String>> headers,
        String remoteAddress,
        byte[] body) {

    /** The largest body a debugger command accepts (a PIN, later a console snippet). */
    public static final int MAX_BODY = 64 * 1024;

    private static final byte[] NO_BODY = new byte[0];

    /** A request without a body: failures, and commands other than POSTs. */
    public DebugRequest(String method, String path, String query, String protocol, boolean secure,
                        Map<String, List<String>> headers, String remoteAddress) {
        this(method, path, query, protocol, secure, headers, remoteAddress, NO_BODY);
    }

    public DebugRequest {
        body = body == null || body.length == 0 ? NO_BODY : body.clone();
        // Header names are case-insensitive; a sorted map with that order makes lookups honest.
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), DebugRequest::concat));
        headers = java.util.Collections.unmodifiableMap(copy);
        query = query == null ? "" : query;
    }

    /** The first value of a header, if the request has it. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** A copy of the body (the record's arrays are never shared). */
    @Override
    public byte[] body() {
        return body.length == 0 ? NO_BODY : body.clone();
    }

    /** Whether the adapter read more than {@link #MAX_BODY} bytes: the command must refuse it. */
    public boolean bodyTooLarge() {
        return body.length > MAX_BODY;
    }

    /** A field of a {@code application/x-www-form-urlencoded} body, URL-decoded, if present. */
    public Optional<String> formParameter(String name) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return QueryString.parse(text).getOrDefault(name, List.of()).stream().findFirst();
    }

    /** The value of a cookie from the {@code Cookie} headers, if the request has it. */
    public Optional<String> cookie(String name) {
        for (String header : headers.getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                    String value = pair.substring(eq + 1).strip();
                    // RFC 6265 allows a quoted value; the quotes are not part of it.
                    return Optional.of(value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                            ? value.substring(1, value.length() - 1) : value);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a debugger command's body for an adapter: at most {@link #MAX_BODY} + 1 bytes, so a
     * hostile client cannot make the server buffer more, and {@link #bodyTooLarge()} can tell.
     */
    public static byte[] readBody(java.io.InputStream in) throws java.io.IOException {
        return in.readNBytes(MAX_BODY + 1);
    }

    /** Whether an adapter should read the body: only POSTs to the debugger carry one we use. */
    public static boolean hasCommandBody(String method) {
        return "POST".equalsIgnoreCase(method);
    }

    /** The value of a query parameter, URL-decoded, if present. */
    public Optional<String> queryParameter(String name) {
        return QueryString.parse(query).getOrDefault(name, List.of()).stream().findFirst();
    }

    /** {@code https} or {@code http}. */
    public String scheme() {
        return secure ? "https" : "http";
    }

    /** The request line as it appears in logs: {@code GET /path?query HTTP/1.1}. */
    public String requestLine() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " " + protocol;
    }

    /** Whether the Accept header names the media type (case-insensitively). */
    public boolean accepts(String mediaType) {
        String wanted = mediaType.toLowerCase(Locale.ROOT);
        return headers.getOrDefault("Accept", List.of()).stream()
                .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains(wanted));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DebugRequest that && java.util.Objects.equals(method, that.method)
                && java.util.Objects.equals(path, that.path) && query.equals(that.query)
                && java.util.Objects.equals(protocol, that.protocol) && secure == that.secure
                && headers.equals(that.headers) && java.util.Objects.equals(remoteAddress, that.remoteAddress)
                && java.util.Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(method, path, query, protocol, secure, headers, remoteAddress)
                * 31 + java.util.Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "DebugRequest[" + requestLine() + ", " + body.length + " body bytes]";
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
