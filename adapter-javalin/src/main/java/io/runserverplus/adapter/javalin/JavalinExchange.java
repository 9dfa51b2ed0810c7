package io.runserverplus.adapter.javalin;

import io.javalin.http.Context;
import io.runserverplus.spi.DebugRequest;
import io.runserverplus.spi.DebugResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Translates between Javalin's {@link Context} and the debugger's neutral request and response. */
final class JavalinExchange {
    private JavalinExchange() {
    }

    static DebugRequest request(Context ctx) {
        HttpServletRequest servlet = ctx.req();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(servlet.getHeaderNames())) {
            headers.put(name, Collections.list(servlet.getHeaders(name)));
        }
        return new DebugRequest(servlet.getMethod(), servlet.getRequestURI(), servlet.getQueryString(),
                servlet.getProtocol(), servlet.isSecure(), headers, servlet.getRemoteAddr());
    }

    /**
     * Closes the connection under a response that was already committed when the app failed, so
     * the client sees a broken exchange instead of a complete-looking, truncated answer.
     */
    static void cutConnection(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        if (request != null) {
            request.getConnectionMetaData().getConnection().getEndPoint().close();
        }
    }

    static void respond(Context ctx, DebugResponse response) {
        ctx.status(response.status());
        ctx.contentType(response.contentType());
        response.headers().forEach(ctx::header);
        ctx.result(response.body());
    }
}
