package io.runserverplus.core.debugger;

import io.runserverplus.core.render.MediaType;
import io.runserverplus.core.render.SourcePageRenderer;
import io.runserverplus.core.render.TracebackHtmlRenderer;
import io.runserverplus.core.render.TracebackJsonRenderer;
import io.runserverplus.core.traceback.Frame;
import io.runserverplus.core.traceback.Traceback;
import io.runserverplus.core.traceback.TracebackFactory;
import io.runserverplus.spi.DebugRequest;
import io.runserverplus.spi.DebugResponse;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * What every adapter talks to: it hands over failed requests and {@code /__debugger__/} commands
 * and copies the answer onto its framework's response. Knows nothing of any framework.
 */
@Singleton
public class DebuggerEndpoint {

    public static final String PREFIX = "/__debugger__/";

    /** Pages must never be cached or sniffed; scripts and styles come only from our own assets. */
    static final Map<String, String> PAGE_HEADERS = Map.of(
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff",
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");

    // Providers: the parsers, renderers and random generator cost start-up time, and a request that
    // never fails never needs them. Guice makes each (a singleton) on first use.
    private final Provider<TracebackFactory> tracebacks;
    private final TracebackRegistry registry;
    private final Provider<DebuggerSecret> secret;
    private final Provider<StaticAssets> assets;
    private final Provider<TracebackHtmlRenderer> htmlRenderer;
    private final Provider<TracebackJsonRenderer> jsonRenderer;
    private final Provider<SourcePageRenderer> sourceRenderer;
    private final FailureLog failureLog;

    @Inject
    public DebuggerEndpoint(Provider<TracebackFactory> tracebacks, TracebackRegistry registry,
                            Provider<DebuggerSecret> secret, Provider<StaticAssets> assets,
                            Provider<TracebackHtmlRenderer> htmlRenderer, Provider<TracebackJsonRenderer> jsonRenderer,
                            Provider<SourcePageRenderer> sourceRenderer, FailureLog failureLog) {
        this.tracebacks = tracebacks;
        this.registry = registry;
        this.secret = secret;
        this.assets = assets;
        this.htmlRenderer = htmlRenderer;
        this.jsonRenderer = jsonRenderer;
        this.sourceRenderer = sourceRenderer;
        this.failureLog = failureLog;
    }

    /** Cheap test an adapter makes on every request before building a {@link DebugRequest}. */
    public static boolean isDebuggerPath(String path) {
        return path.startsWith(PREFIX);
    }

    /**
     * The answer to a request the app failed: the traceback page (or text or JSON, as the client
     * accepts). The failure is logged once here; adapters must not log it again.
     */
    public DebugResponse handleFailure(DebugRequest request, Throwable failure) {
        failureLog.failed(request, failure);
        Traceback traceback = tracebacks.get().capture(failure, applicationLoader());
        registry.register(traceback);
        return switch (MediaType.preferredBy(request)) {
            case HTML -> page(500, htmlRenderer.get().render(traceback, request.requestLine(), secret.get().value()));
            case JSON -> DebugResponse.of(500, MediaType.JSON.contentType(), jsonRenderer.get().render(traceback))
                    .withHeader("Cache-Control", "no-store");
            case TEXT -> DebugResponse.of(500, MediaType.TEXT.contentType(), traceback.plainText())
                    .withHeader("Cache-Control", "no-store");
        };
    }

    /**
     * A failure after the response was committed: nothing can be sent any more, so it is only
     * logged, once; the adapter then ends the exchange the way its framework allows.
     */
    public void handleFailureAfterCommit(DebugRequest request, Throwable failure) {
        failureLog.failedAfterCommit(request, failure);
    }

    /** Answers a {@code /__debugger__/...} request. */
    public DebugResponse handleCommand(DebugRequest request) {
        String command = request.path().substring(PREFIX.length());
        if (command.startsWith("resource/")) {
            return assets.get().find(command.substring("resource/".length()))
                    .orElseGet(() -> DebugResponse.of(404, MediaType.TEXT.contentType(), "No such debugger resource.\n"));
        }
        if (!secret.get().isPresentIn(request)) {
            return DebugResponse.of(403, MediaType.TEXT.contentType(),
                    "The debugger secret is missing or wrong; reload the traceback page to get a fresh one.\n");
        }
        if ("source".equals(command) && "GET".equals(request.method())) {
            return source(request);
        }
        return DebugResponse.of(404, MediaType.TEXT.contentType(), "Unknown debugger command.\n");
    }

    private DebugResponse source(DebugRequest request) {
        Optional<Frame> frame = request.queryParameter("tb")
                .flatMap(registry::find)
                .flatMap(traceback -> request.queryParameter("frame").flatMap(DebuggerEndpoint::parseInt)
                        .flatMap(traceback::frame));
        if (frame.isEmpty()) {
            return DebugResponse.of(404, MediaType.TEXT.contentType(),
                    "That traceback or frame is gone (the server keeps the last " + TracebackRegistry.CAPACITY
                            + " tracebacks and forgets them on restart); reproduce the error for a fresh one.\n");
        }
        return page(200, sourceRenderer.get().render(frame.get()));
    }

    private static DebugResponse page(int status, String html) {
        return new DebugResponse(status, MediaType.HTML.contentType(), PAGE_HEADERS,
                html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Optional<Integer> parseInt(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static ClassLoader applicationLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ClassLoader.getSystemClassLoader();
    }
}
