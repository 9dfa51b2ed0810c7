package io.runserverplus.jetty.support;

import io.runserverplus.spi.DebugRequest;
import io.runserverplus.spi.DebugResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Translates between Jetty's core request and response and the debugger's neutral ones. */
public final class JettyExchange {
    private JettyExchange() {
    }

    /** The request with its body, for a debugger command (POSTs carry a form). */
    public static DebugRequest command(Request request) throws java.io.IOException {
        DebugRequest plain = request(request);
        if (!DebugRequest.hasCommandBody(plain.method())) {
            return plain;
        }
        // Blocking read: Jetty runs this handler on a pool thread that may block, and the cap
        // bounds what a client can make us buffer.
        byte[] body = DebugRequest.readBody(Content.Source.asInputStream(request));
        return new DebugRequest(plain.method(), plain.path(), plain.query(), plain.protocol(), plain.secure(),
                plain.headers(), plain.remoteAddress(), body);
    }

    public static DebugRequest request(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        // The whole path, as the request log shows it: a failure inside a context of the app (and the
        // app's context error handler) would otherwise be reported without the context path.
        return new DebugRequest(request.getMethod(), request.getHttpURI().getDecodedPath(), request.getHttpURI().getQuery(),
                request.getConnectionMetaData().getProtocol(), request.isSecure(), headers, Request.getRemoteAddr(request));
    }

    public static void respond(Response response, Callback callback, DebugResponse answer) {
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }
}
