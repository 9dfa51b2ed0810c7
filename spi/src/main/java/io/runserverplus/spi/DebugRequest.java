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
 */
public record DebugRequest(
        String method,
        String path,
        String query,
        String protocol,
        boolean secure,
        Map<String, List<String>> headers,
        String remoteAddress) {

    public DebugRequest {
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

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
