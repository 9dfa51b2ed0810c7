package io.runserverplus.jetty.support;

import io.runserverplus.spi.LiveReloadTag;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code --live-reload} on Jetty (and Javalin, which runs on it): the app's response, which at its
 * first write decides from the status and headers the app set whether the body is an HTML page to
 * give the script tag ({@link LiveReloadTag}). Such a body is held until its last write, then sent
 * with the tag and its new Content-Length; every other body goes straight through.
 */
final class LiveReloadResponse extends Response.Wrapper {

    private final boolean rangeRequested;
    private Boolean holding;
    private ByteArrayOutputStream held;
    private boolean sent;

    LiveReloadResponse(Request request, Response response) {
        super(request, response);
        this.rangeRequested = request.getHeaders().contains(HttpHeader.RANGE);
    }

    @Override
    public void write(boolean last, ByteBuffer content, Callback callback) {
        if (holding == null) {
            // Jetty reports 0 until the app sets a status; it commits that as 200.
            int status = getStatus() == 0 ? 200 : getStatus();
            holding = LiveReloadTag.wanted(getRequest().getMethod(), rangeRequested, status,
                    getHeaders().get(HttpHeader.CONTENT_TYPE), getHeaders().get(HttpHeader.CONTENT_ENCODING));
            held = holding ? new ByteArrayOutputStream() : null;
        }
        if (!holding) {
            sent |= last;
            super.write(last, content, callback);
            return;
        }
        if (content != null && content.hasRemaining()) {
            byte[] bytes = new byte[content.remaining()];
            content.get(bytes);
            held.write(bytes, 0, bytes.length);
        }
        if (last) {
            sendHeld(callback);
        } else {
            callback.succeeded();
        }
    }

    private void sendHeld(Callback callback) {
        sent = true;
        byte[] body = LiveReloadTag.insert(held.toByteArray(),
                Optional.ofNullable(getHeaders().get("Content-Security-Policy")));
        held = null;
        getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        super.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public void reset() {
        super.reset();
        holding = null;
        held = null;
    }

    /**
     * The app's callback: a handler may complete without a last write, and Jetty's own last write
     * would not pass through this wrapper, so a held body is sent here.
     */
    Callback completing(Callback callback) {
        return new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                if (Boolean.TRUE.equals(holding) && !sent) {
                    sendHeld(getCallback());
                } else {
                    super.succeeded();
                }
            }
        };
    }
}
