package io.runserverplus.core.security;

import io.runserverplus.spi.DebugRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The value of the cookie that remembers a correct PIN: {@code timestamp|HMAC-SHA256(key, pin|timestamp)}.
 *
 * <p>Werkzeug signs with a plain salted hash of the PIN, so one cookie seen on the wire lets
 * anyone try all 10^9 PINs offline in seconds and then forge cookies at will. Here the key is
 * random ({@link CookieKey}, shared by the children of one supervisor) and lives only in memory: a
 * cookie tells nothing about the PIN and cannot be made without the server. A restart of the
 * supervisor asks for the PIN again; a reload does not.
 */
final class AuthCookie {

    /** How long a correct PIN is remembered, as Werkzeug's PIN_TIME. */
    public static final Duration LIFETIME = Duration.ofDays(7);
    /**
     * Where the browser sends the cookie: the debugger's commands only (the console's pages need
     * no cookie, their script's commands do), not every page of every app on this host.
     */
    public static final String PATH = "/__debugger__/";

    /** How far in the future a timestamp may lie (the server's clock may have been set back). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final java.util.function.Supplier<SecretKeySpec> keySource;
    private volatile SecretKeySpec key;
    private final Clock clock;

    public AuthCookie(Clock clock) {
        // Seeding a SecureRandom costs start-up milliseconds; the key is made on the first cookie.
        this(CookieKey::current, clock);
    }

    AuthCookie(SecretKeySpec key, Clock clock) {
        this(() -> key, clock);
    }

    private AuthCookie(java.util.function.Supplier<SecretKeySpec> keySource, Clock clock) {
        this.keySource = keySource;
        this.clock = clock;
    }

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            synchronized (this) {
                if (key == null) {
                    key = keySource.get();
                }
                known = key;
            }
        }
        return known;
    }

    /**
     * The cookie's name for the port the request reached: browsers send a host's cookies to all its
     * ports, so a debugger on another port of localhost must neither read this one as its own nor
     * overwrite it. A Host without a port (the scheme's default) keeps the bare name.
     */
    public static String nameFor(String baseName, DebugRequest request) {
        String host = request.header("Host").orElse("");
        int port = HostSyntax.portOf(host, -1);
        return port < 0 ? baseName : baseName + "_" + port;
    }

    /** The {@code Set-Cookie} header that remembers a correct PIN. */
    public static String setCookieHeader(String name, String value, boolean secure) {
        return name + "=" + value + "; Max-Age=" + LIFETIME.toSeconds() + "; Path=" + PATH + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    /** A fresh value for this PIN, stamped now. */
    public String issue(String pinDigits) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return timestamp + "|" + sign(pinDigits, timestamp);
    }

    /** Whether the value was issued by this server for this PIN, and is neither expired nor from the future. */
    public boolean accepts(String value, String pinDigits) {
        int bar = value.indexOf('|');
        if (bar < 1 || bar > 19 || value.length() - bar - 1 != 64) {
            return false;
        }
        long issued;
        try {
            issued = Long.parseLong(value, 0, bar, 10);
        } catch (NumberFormatException garbled) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (issued < 0 || issued > now + CLOCK_SKEW.toSeconds() || now - issued > LIFETIME.toSeconds()) {
            return false;
        }
        byte[] expected = sign(pinDigits, value.substring(0, bar)).getBytes(StandardCharsets.US_ASCII);
        // Hex is compared without regard to case: Jetty's header cache may hand back the value of an
        // earlier request on the same connection that differs from this one only in case.
        byte[] offered = value.substring(bar + 1).toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, offered);
    }

    private String sign(String pinDigits, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return HexFormat.of().formatHex(mac.doFinal((pinDigits + "|" + timestamp).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JDK has HmacSHA256", impossible);
        }
    }
}
