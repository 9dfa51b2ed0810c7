package io.runserverplus.core.security;

import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that signs PIN cookies. Random per server; under the reloader the supervisor makes one
 * and hands it to every child in {@value #ENVIRONMENT} (readable only by the user running them, as
 * their other environment), so a code change does not ask for the PIN again.
 */
public final class CookieKey {

    public static final String ENVIRONMENT = "RUNSERVERPLUS_COOKIE_KEY";
    private static final int BYTES = 32;

    private CookieKey() {
    }

    /** A new random key, as the hex text the supervisor passes on. */
    public static String newKeyHex() {
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The supervisor's key when this JVM is its child, else a new random one. */
    static SecretKeySpec current() {
        String given = System.getenv(ENVIRONMENT);
        byte[] bytes;
        if (given != null && given.length() == BYTES * 2 && given.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            bytes = HexFormat.of().parseHex(given);
        } else {
            bytes = HexFormat.of().parseHex(newKeyHex());
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
