package io.runserverplus.console.agent;

import java.util.ArrayList;
import java.util.List;

/** What the agent captured: the frames an exception left, with their variables. */
public final class FrameLocals {
    /** The value of a variable that held the exception itself (kept out to avoid a cycle and a leak). */
    public static final Object SELF = CapturedFrames.SELF;

    private FrameLocals() {}

    /** Whether the capture agent runs in this JVM. */
    public static boolean agentActive() {
        return CapturedFrames.active();
    }

    /**
     * The frames {@code t} left, innermost first, each matching one of its stack trace elements.
     * Frames of classes not instrumented (JDK, libraries) are absent; so is the frame that caught
     * {@code t}. Empty if the agent is not active or {@code t} is older than the last
     * {@value CapturedFrames#THROWABLES} exceptions recorded.
     */
    public static List<CapturedFrame> of(Throwable t) {
        List<CapturedFrame> frames = new ArrayList<>();
        for (CapturedFrames.Capture capture : CapturedFrames.capturesOf(t)) {
            String[] site = capture.site().split("\n", -1);
            List<CapturedVariable> variables = new ArrayList<>();
            for (int i = 0; i < capture.values().length && 4 + 2 * i < site.length; i++) {
                variables.add(new CapturedVariable(site[3 + 2 * i], TypeNames.toJava(site[4 + 2 * i]),
                        capture.values()[i]));
            }
            frames.add(new CapturedFrame(site[0].replace('/', '.'), site[1], site[2], variables));
        }
        return frames;
    }
}
