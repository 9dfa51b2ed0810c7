package io.runserverplus.core.security;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Werkzeug's PIN algorithm, adapted: hash the public and private bits, salt with "cookiesalt" for
 * the cookie's name, then with "pinsalt" for nine decimal digits. SHA-256 instead of SHA-1, and a
 * separator between bits, so that ("ab", "c") and ("a", "bc") do not hash alike.
 */
final class PinGenerator {

    public static final String COOKIE_PREFIX = "__rsp_debugger__";

    private PinGenerator() {
    }

    /**
     * The PIN and cookie name for these bits; {@code fixedDigits}, when present, is the PIN
     * instead (the cookie name still comes from the bits, so it stays per project).
     */
    public static GeneratedPin generate(List<String> publicBits, List<String> privateBits, Optional<String> fixedDigits) {
        MessageDigest hash = sha256();
        for (String bit : publicBits) {
            update(hash, bit);
        }
        for (String bit : privateBits) {
            update(hash, bit);
        }
        hash.update("cookiesalt".getBytes(StandardCharsets.UTF_8));
        String cookieName = COOKIE_PREFIX + HexFormat.of().formatHex(clone(hash).digest()).substring(0, 20);
        String digits = fixedDigits.orElseGet(() -> {
            hash.update("pinsalt".getBytes(StandardCharsets.UTF_8));
            String decimal = new BigInteger(1, hash.digest()).toString();
            return "0".repeat(Math.max(0, 9 - decimal.length())) + decimal.substring(0, Math.min(9, decimal.length()));
        });
        return new GeneratedPin(group(digits), cookieName);
    }

    /** {@code 123456789} → {@code 123-456-789}: groups of 5, 4 or 3 when they divide the length. */
    public static String group(String digits) {
        for (int size : new int[] {5, 4, 3}) {
            if (digits.length() % size == 0 && digits.length() > size) {
                StringBuilder grouped = new StringBuilder();
                for (int i = 0; i < digits.length(); i += size) {
                    grouped.append(i == 0 ? "" : "-").append(digits, i, i + size);
                }
                return grouped.toString();
            }
        }
        return digits;
    }

    private static void update(MessageDigest hash, String bit) {
        if (bit != null && !bit.isEmpty()) {
            hash.update(bit.getBytes(StandardCharsets.UTF_8));
            hash.update((byte) 0);
        }
    }

    private static MessageDigest clone(MessageDigest hash) {
        try {
            return (MessageDigest) hash.clone();
        } catch (CloneNotSupportedException impossible) {
            throw new IllegalStateException("SHA-256 digests are cloneable in every JDK", impossible);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    /**
     * @param pin        grouped, e.g. {@code 123-456-789}
     * @param cookieName {@value #COOKIE_PREFIX} and 20 hex digits
     */
    public record GeneratedPin(String pin, String cookieName) {
        /** The PIN's digits only, as compared. */
        public String digits() {
            return pin.replace("-", "");
        }
    }
}
