package io.runserverplus.console.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * Where instrumented methods record their locals as an exception leaves them.
 *
 * <p>The agent copies this class (and {@link Capture}) into a jar it appends to the boot class
 * path, so that classes of every loader link to one copy. It therefore uses nothing but
 * {@code java.base}, and {@link #record} never throws: a failure here must not replace the
 * application's exception. Captures live in a ring of the last {@value #THROWABLES} throwables
 * matched by identity ({@code ==}), so memory stays flat; a weak map keyed by the throwable was
 * slower and leaked when a local referred to its own exception.
 */
public final class CapturedFrames {
    /** Throwables remembered; older ones are forgotten with their captures. */
    public static final int THROWABLES = 256;
    /** Frames kept per throwable: the innermost ones, so a deep recursion stays bounded. */
    public static final int FRAMES_PER_THROWABLE = 128;
    /** Stands for a local whose value is the exception itself, which would otherwise leak. */
    @SuppressWarnings("StringOperationCanBeSimplified") // a fresh instance: compared by identity
    public static final Object SELF = new String("<the exception itself>");

    private static final Throwable[] keys = new Throwable[THROWABLES];
    private static final Capture[][] frames = new Capture[THROWABLES][];
    private static final int[] counts = new int[THROWABLES];
    /** Index of the most recent throwable: a propagating exception records there frame after frame. */
    private static int last = -1;
    private static volatile boolean active;

    private CapturedFrames() {}

    /**
     * Records one frame the exception {@code t} is leaving. Called by instrumented code only.
     *
     * @param site the frame's owner, method, descriptor, then each variable's name and declared
     *     type, separated by {@code '\n'}: one constant per handler keeps instrumented code small
     * @param values the variables' values in the order of {@code site}
     */
    public static void record(Throwable t, String site, Object[] values) {
        try {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == t) {
                    values[i] = SELF;
                }
            }
            Capture capture = new Capture(site, values);
            synchronized (keys) {
                int slot = find(t);
                if (slot < 0) {
                    slot = last = (last + 1) % THROWABLES;
                    keys[slot] = t;
                    frames[slot] = new Capture[4];
                    counts[slot] = 0;
                }
                int n = counts[slot];
                if (n == FRAMES_PER_THROWABLE) {
                    return;
                }
                if (n == frames[slot].length) {
                    frames[slot] = java.util.Arrays.copyOf(frames[slot], n * 2);
                }
                frames[slot][n] = capture;
                counts[slot] = n + 1;
            }
        } catch (Throwable ignored) {
            // Out of memory or stack: losing a capture is better than losing the exception.
        }
    }

    /** The frames {@code t} left, innermost first; empty when none was recorded or it was forgotten. */
    public static List<Capture> capturesOf(Throwable t) {
        synchronized (keys) {
            int slot = find(t);
            if (slot < 0) {
                return List.of();
            }
            List<Capture> list = new ArrayList<>(counts[slot]);
            for (int i = 0; i < counts[slot]; i++) {
                list.add(frames[slot][i]);
            }
            return list;
        }
    }

    /** Whether an agent installed this copy: set once it is on the boot class path. */
    public static boolean active() {
        return active;
    }

    /** Called by the agent after appending this class to the boot class path. */
    public static void activate() {
        active = true;
    }

    /** Looks from the newest entry back: the throwable being recorded is almost always the last. */
    private static int find(Throwable t) {
        if (last < 0 || t == null) {
            return -1;
        }
        for (int i = 0, slot = last; i < THROWABLES; i++, slot = (slot + THROWABLES - 1) % THROWABLES) {
            if (keys[slot] == t) {
                return slot;
            }
        }
        return -1;
    }

    /**
     * One recorded frame: its site string, as emitted by the agent, and the values.
     *
     * @param site owner, method, descriptor, then name and type of each value, {@code '\n'}-separated
     * @param values the values, the exception itself replaced by {@link #SELF}
     */
    public record Capture(String site, Object[] values) {}
}
