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

    /** Open-addressing table from identity hash to ring slot + 1; a quarter full at most. */
    private static final int[] index = new int[THROWABLES * 4];
    private static final int MASK = THROWABLES * 4 - 1;
    private static final int[] hashes = new int[THROWABLES];
    private static final Throwable[] keys = new Throwable[THROWABLES];
    private static final Capture[][] frames = new Capture[THROWABLES][];
    private static final int[] counts = new int[THROWABLES];
    /** Ring slot of the most recent throwable: a propagating exception records there frame after frame. */
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
                int slot = last >= 0 && keys[last] == t ? last : find(t);
                if (slot < 0) {
                    slot = last = (last + 1) % THROWABLES;
                    if (keys[slot] != null) {
                        unindex(slot);
                    }
                    keys[slot] = t;
                    hashes[slot] = System.identityHashCode(t);
                    frames[slot] = new Capture[4];
                    counts[slot] = 0;
                    int i = hashes[slot] & MASK;
                    while (index[i] != 0) {
                        i = (i + 1) & MASK;
                    }
                    index[i] = slot + 1;
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

    /**
     * The ring slot of {@code t}, or -1. An identity-hash index, because scanning all the ring for
     * each new exception cost three times the rest of the recording.
     */
    private static int find(Throwable t) {
        if (t == null) {
            return -1;
        }
        for (int i = System.identityHashCode(t) & MASK; index[i] != 0; i = (i + 1) & MASK) {
            if (keys[index[i] - 1] == t) {
                return index[i] - 1;
            }
        }
        return -1;
    }

    /** Removes a ring slot from the index, shifting later entries of its probe run back (linear probing). */
    private static void unindex(int slot) {
        int hole = hashes[slot] & MASK;
        while (index[hole] != slot + 1) {
            hole = (hole + 1) & MASK;
        }
        for (int next = (hole + 1) & MASK; index[next] != 0; next = (next + 1) & MASK) {
            int home = hashes[index[next] - 1] & MASK;
            // The entry at next may fill the hole unless its home lies cyclically in (hole, next].
            boolean stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!stays) {
                index[hole] = index[next];
                hole = next;
            }
        }
        index[hole] = 0;
    }

    /**
     * One recorded frame: its site string, as emitted by the agent, and the values.
     *
     * @param site owner, method, descriptor, then name and type of each value, {@code '\n'}-separated
     * @param values the values, the exception itself replaced by {@link #SELF}
     */
    public record Capture(String site, Object[] values) {}
}
