package io.runserverplus.core.debugger;

import io.runserverplus.core.security.TrustedHosts;
import io.runserverplus.spi.DebugRequest;
import io.runserverplus.spi.DebugResponse;
import java.util.Map;
import java.util.Optional;

/**
 * Where each kept failure's page lives ({@code /__debugger__/failures/{id}}) and how answers point
 * to it: the terminal's line, the problem document's {@code instance}, the plain text's last line,
 * and a {@code Link} header on every 5xx the debugger answered or recorded.
 */
final class FailurePages {

    static final String LIST = "";
    static final String EVENTS = "events";
    static final String PAGE = "failures/";
    /** The relation of the {@code Link} header: the page describes the failed response. */
    static final String RELATION = "describedby";
    static final String PAGE_HEADER = "X-Debugger-Page";
    /** How long the list's long poll waits for a new failure before answering "nothing new". */
    static final long POLL_MILLIS = 20_000;

    private FailurePages() {
    }

    static String path(String id) {
        return DebuggerEndpoint.PREFIX + PAGE + id;
    }

    /**
     * The page's absolute URL when the request named a trusted Host (the only Hosts the page opens
     * for), else its path: a hostile Host is never echoed into a link or the terminal.
     */
    static String url(DebugRequest request, TrustedHosts.Verdict host, String id) {
        Optional<String> authority = request.header("Host").filter(value -> host.trusted());
        return authority.map(value -> request.scheme() + "://" + value.strip()).orElse("") + path(id);
    }

    static Map<String, String> linkHeaders(String url) {
        return Map.of("Link", "<" + url + ">; rel=\"" + RELATION + "\"", PAGE_HEADER, url);
    }

    static DebugResponse withLinks(DebugResponse answer, String url) {
        DebugResponse linked = answer;
        for (Map.Entry<String, String> header : linkHeaders(url).entrySet()) {
            linked = linked.withHeader(header.getKey(), header.getValue());
        }
        return linked;
    }

    /** {@code {"latest": n}}: the newest failure's number, for the list's long poll. */
    static DebugResponse events(long latest) {
        return DebugResponse.of(200, "application/json; charset=utf-8", "{\"latest\": " + latest + "}")
                .withHeader("Cache-Control", "no-store");
    }
}
