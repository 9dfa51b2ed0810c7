package io.runserverplus.core.security;

import io.runserverplus.core.security.PinGenerator.GeneratedPin;
import io.runserverplus.spi.DebugRequest;
import io.runserverplus.spi.DebugResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The PIN that guards the console: checks offered PINs (slowly when wrong, never more than
 * {@link PinAttempts#LIMIT} times), issues the cookie that remembers a correct one, and tells
 * commands whether a request is authenticated.
 */
@Singleton
public class PinGuard {

    static final String JSON = "application/json; charset=utf-8";

    private final java.util.concurrent.CompletableFuture<Optional<GeneratedPin>> pinSource;
    private final AuthCookie cookies;
    private final PinAttempts attempts;
    private final Duration shortWait;
    private final Duration longWait;

    @Inject
    public PinGuard(SecuritySettings settings) {
        // The machine's bits (network interfaces, machine id) are read on a thread of their own
        // while the server starts; the PIN is needed only once it is printed.
        this(java.util.concurrent.CompletableFuture.supplyAsync(() -> pinFor(settings),
                        task -> Thread.ofPlatform().daemon().name("runserverplus-pin").start(task)),
                new PinAttempts(PinAttemptsFile.ofThisJvm()), Clock.systemUTC(), Duration.ofMillis(500),
                Duration.ofSeconds(5));
    }

    /** For tests: a PIN (empty: off), a clock, and the waits after a wrong PIN. */
    PinGuard(Optional<GeneratedPin> pin, Clock clock, Duration shortWait, Duration longWait) {
        this(pin, new PinAttempts(), clock, shortWait, longWait);
    }

    /** For tests: as above, with the wrong-PIN count kept where a supervisor keeps it. */
    PinGuard(Optional<GeneratedPin> pin, PinAttempts attempts, Clock clock, Duration shortWait, Duration longWait) {
        this(java.util.concurrent.CompletableFuture.completedFuture(pin), attempts, clock, shortWait, longWait);
    }

    private PinGuard(java.util.concurrent.CompletableFuture<Optional<GeneratedPin>> pin, PinAttempts attempts,
                     Clock clock, Duration shortWait, Duration longWait) {
        this.pinSource = pin;
        this.attempts = attempts;
        this.cookies = new AuthCookie(clock);
        this.shortWait = shortWait;
        this.longWait = longWait;
    }

    private Optional<GeneratedPin> generated() {
        return pinSource.join();
    }

    private static Optional<GeneratedPin> pinFor(SecuritySettings settings) {
        if (settings.pin().off()) {
            return Optional.empty();
        }
        return Optional.of(PinGenerator.generate(MachineBits.publicBits(settings.mainClass(), settings.application()),
                MachineBits.privateBits(settings.mainClass()), settings.pin().digits()));
    }

    /** The PIN as printed, e.g. {@code 123-456-789}; empty when the PIN is off. */
    public Optional<String> pin() {
        return generated().map(GeneratedPin::pin);
    }

    public String cookieName() {
        return generated().map(GeneratedPin::cookieName).orElse(PinGenerator.COOKIE_PREFIX);
    }

    /**
     * Whether the request may use the console: the PIN is off, or it carries a cookie this server
     * issued for this PIN less than 7 days ago, and the console is not locked.
     */
    public boolean isAuthenticated(DebugRequest request) {
        Optional<GeneratedPin> pin = generated();
        if (pin.isEmpty()) {
            return true;
        }
        if (attempts.locked()) {
            return false; // Werkzeug 3.1.4: once locked, not even a valid cookie gets in
        }
        return request.cookie(AuthCookie.nameFor(cookieName(), request)).map(value -> cookies.accepts(value, pin.get().digits())).orElse(false);
    }

    /** For commands that need the PIN (the console's eval): empty when authenticated, else the 401 answer. */
    public Optional<DebugResponse> requireAuthenticated(DebugRequest request) {
        return isAuthenticated(request) ? Optional.empty()
                : Optional.of(DebugResponse.of(401, JSON, "{\"auth\": false}").withHeader("Cache-Control", "no-store"));
    }

    /** {@code GET /__debugger__/auth}: whether the page may open a console without asking. */
    public DebugResponse auth(DebugRequest request) {
        return json(200, "{\"auth\": " + isAuthenticated(request) + "}");
    }

    /** {@code POST /__debugger__/pinauth} with {@code pin=}: checks it, and on success sets the cookie. */
    public DebugResponse pinAuth(DebugRequest request) throws InterruptedException {
        Optional<GeneratedPin> pin = generated();
        if (pin.isEmpty()) {
            return json(200, "{\"auth\": true, \"exhausted\": false}");
        }
        if (!attempts.reserve()) {
            return json(200, "{\"auth\": false, \"exhausted\": true}");
        }
        if (matches(request.formParameter("pin").orElse(""), pin.get())) {
            attempts.succeeded();
            String cookie = AuthCookie.setCookieHeader(AuthCookie.nameFor(cookieName(), request),
                    cookies.issue(pin.get().digits()), request.secure());
            return json(200, "{\"auth\": true, \"exhausted\": false}").withHeader("Set-Cookie", cookie);
        }
        int failures = attempts.failed();
        // The wait happens after the failure is counted, so the lock never waits for it.
        Thread.sleep((failures > PinAttempts.SLOW_AFTER ? longWait : shortWait).toMillis());
        return json(200, "{\"auth\": false, \"exhausted\": " + (failures >= PinAttempts.LIMIT) + "}");
    }

    /** Constant time in the PIN's value; dashes and spaces are ignored, as they are when it is typed. */
    private static boolean matches(String offered, GeneratedPin pin) {
        String digits = offered.replace("-", "").replace(" ", "");
        return MessageDigest.isEqual(digits.getBytes(StandardCharsets.UTF_8),
                pin.digits().getBytes(StandardCharsets.UTF_8));
    }

    private static DebugResponse json(int status, String body) {
        return DebugResponse.of(status, JSON, body).withHeader("Cache-Control", "no-store");
    }
}
