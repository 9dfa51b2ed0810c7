package io.runserverplus.core.debugger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Counts failures by their shape: the types and innermost {@value #FRAMES} frames of the throwable
 * and its causes, not the messages (which often carry ids). Only the innermost frames, because
 * the outer ones are the server's dispatch, which varies between identical requests (Jetty runs a
 * handler on the selector's thread or hands it to another, five frames deeper). Remembers at most
 * {@code capacity} shapes, forgetting the least recently seen, so memory stays bounded however
 * many different failures occur; a forgotten shape that comes back is counted from one again.
 */
final class RepeatedFailures {

    static final int DEFAULT_CAPACITY = 512;
    static final int FRAMES = 12;

    private final Map<String, Long> counts;

    RepeatedFailures(int capacity) {
        counts = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /** How many times this shape has been recorded, this one included: 1 for a new one. */
    long record(Throwable failure, boolean afterCommit) {
        return record(shapeOf(failure, afterCommit));
    }

    /** As {@link #record(Throwable, boolean)}, for a shape the caller computed (to keep it too). */
    synchronized long record(String shape) {
        return counts.merge(shape, 1L, Long::sum);
    }

    /** A SHA-256 of the shape, so each remembered failure costs a few dozen bytes whatever its depth. */
    static String shapeOf(Throwable failure, boolean afterCommit) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
        digest.update((byte) (afterCommit ? 1 : 0));
        Set<Throwable> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && visited.add(t); t = t.getCause()) {
            digest.update(t.getClass().getName().getBytes(StandardCharsets.UTF_8));
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, FRAMES); i++) {
                digest.update((byte) '\n');
                digest.update(frames[i].toString().getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
