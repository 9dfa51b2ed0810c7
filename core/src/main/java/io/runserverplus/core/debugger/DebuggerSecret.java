package io.runserverplus.core.debugger;

import io.runserverplus.spi.DebugRequest;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A random value made at each start (160 bits, as Werkzeug's) and embedded in the page. Commands
 * must present it, which a page on another origin cannot read, so it cannot drive the debugger.
 */
@Singleton
public class DebuggerSecret {

    public static final String HEADER = "X-Debugger-Secret";
    public static final String PARAMETER = "s";

    private final String value;

    public DebuggerSecret() {
        byte[] bytes = new byte[20];
        new SecureRandom().nextBytes(bytes);
        value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String value() {
        return value;
    }

    /**
     * Whether the request carries the secret in the header or, for a POSTed form, its {@code s}
     * field (constant time). Never in the query: a URL lands in the history, the request log and
     * Referer headers.
     */
    public boolean isPresentIn(DebugRequest request) {
        String offered = request.header(HEADER)
                .or(() -> "POST".equals(request.method()) ? request.formParameter(PARAMETER) : Optional.<String>empty())
                .orElse("");
        return MessageDigest.isEqual(offered.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }
}
