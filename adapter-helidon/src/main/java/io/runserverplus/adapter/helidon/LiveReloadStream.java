package io.runserverplus.adapter.helidon;

import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.runserverplus.spi.LiveReloadTag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * {@code --live-reload} on Helidon: the response's stream filter. At the first byte (or at the end
 * of an empty body) it decides from the status and headers the app set whether the body is an HTML
 * page to give the script tag ({@link LiveReloadTag}); such a body is held until the stream closes,
 * then sent with the tag and its new Content-Length. Every other body goes straight through.
 */
final class LiveReloadStream extends OutputStream {

    private static final io.helidon.http.HeaderName CSP = HeaderNames.create("Content-Security-Policy");

    private final OutputStream out;
    private final RoutingRequest request;
    private final RoutingResponse response;
    private Boolean holding;
    private ByteArrayOutputStream held;

    LiveReloadStream(OutputStream out, RoutingRequest request, RoutingResponse response) {
        this.out = out;
        this.request = request;
        this.response = response;
    }

    private boolean holding() {
        if (holding == null) {
            ServerResponseHeaders headers = response.headers();
            holding = LiveReloadTag.wanted(request.prologue().method().text(), request.headers().contains(HeaderNames.RANGE),
                    response.status().code(), headers.first(HeaderNames.CONTENT_TYPE).orElse(null),
                    headers.first(HeaderNames.CONTENT_ENCODING).orElse(null));
            held = holding ? new ByteArrayOutputStream() : null;
        }
        return holding;
    }

    @Override
    public void write(int b) throws IOException {
        if (holding()) {
            held.write(b);
        } else {
            out.write(b);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (holding()) {
            held.write(bytes, offset, length);
        } else {
            out.write(bytes, offset, length);
        }
    }

    @Override
    public void flush() throws IOException {
        if (!Boolean.TRUE.equals(holding)) {
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (holding() && held != null) {
            byte[] body = LiveReloadTag.insert(held.toByteArray(),
                    response.headers().first(CSP));
            held = null;
            response.headers().contentLength(body.length);
            out.write(body);
        }
        out.close();
    }
}
