package io.runserverplus.core.debugger;

import io.runserverplus.spi.DebugResponse;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The debugger's CSS, script and icon, served from the jar. Only the names listed here are served, so
 * no request path can reach any other resource of the class path.
 */
@Singleton
public class StaticAssets {

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "debugger.css", "text/css; charset=utf-8",
            "debugger.js", "text/javascript; charset=utf-8",
            "favicon.svg", "image/svg+xml",
            "reload.js", "text/javascript; charset=utf-8",
            "failures.js", "text/javascript; charset=utf-8",
            "failures.css", "text/css; charset=utf-8",
            "live-reload.js", "text/javascript; charset=utf-8");

    private final Map<String, byte[]> bodies = CONTENT_TYPES.keySet().stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(name -> name, StaticAssets::load));

    public Optional<DebugResponse> find(String name) {
        byte[] body = bodies.get(name);
        if (body == null) {
            return Optional.empty();
        }
        return Optional.of(new DebugResponse(200, CONTENT_TYPES.get(name),
                Map.of("Cache-Control", "public, max-age=86400", "X-Content-Type-Options", "nosniff"), body));
    }

    private static byte[] load(String name) {
        try (InputStream in = StaticAssets.class.getResourceAsStream("assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("debugger asset " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException broken) {
            throw new UncheckedIOException(broken);
        }
    }
}
