package io.runserverplus.adapter.helidon;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.runserverplus.spi.DebugRequest;
import io.runserverplus.spi.DebugResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Translates between Helidon's request and response and the debugger's neutral ones. */
final class HelidonExchange {
    private HelidonExchange() {
    }

    /** The request with its body, for a debugger command (POSTs carry a form). */
    static DebugRequest command(ServerRequest request) throws java.io.IOException {
        DebugRequest plain = request(request);
        if (!DebugRequest.hasCommandBody(plain.method()) || !request.content().hasEntity()) {
            return plain;
        }
        // Helidon handles each request on its own virtual thread, where a blocking read is cheap.
        byte[] body;
        try (java.io.InputStream in = request.content().inputStream()) {
            body = DebugRequest.readBody(in);
        }
        return new DebugRequest(plain.method(), plain.path(), plain.query(), plain.protocol(), plain.secure(),
                plain.headers(), plain.remoteAddress(), body);
    }

    static DebugRequest request(ServerRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : request.headers()) {
            headers.put(header.name(), header.allValues());
        }
        HttpPrologue prologue = request.prologue();
        String rawPath = prologue.uriPath().rawPath();
        if (!rawPath.startsWith("/")) {
            // An absolute-form target (POST http://host/path) routes by its path here while the Host
            // header may name another host; HTTP/1.1 says the target's authority wins, so the
            // debugger judges that one.
            headers.keySet().removeIf(name -> name.equalsIgnoreCase("Host"));
            headers.put("Host", List.of(authorityOfTarget(rawPath)));
        }
        return new DebugRequest(prologue.method().text(), prologue.uriPath().path(),
                prologue.query().rawValue(), prologue.rawProtocol(), request.isSecure(),
                headers, request.remotePeer().host());
    }

    /** The authority of an absolute-form target ({@code http://host:port/path}), or the target itself. */
    static String authorityOfTarget(String target) {
        int scheme = target.indexOf("://");
        if (scheme < 0) {
            return target;
        }
        int start = scheme + 3;
        int end = start;
        while (end < target.length() && "/?#".indexOf(target.charAt(end)) < 0) {
            end++;
        }
        return target.substring(start, end);
    }

    static void respond(ServerResponse response, DebugResponse answer) {
        response.status(Status.create(answer.status()));
        response.header(HeaderNames.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach((name, value) -> response.header(name, value));
        response.send(answer.body());
    }
}
