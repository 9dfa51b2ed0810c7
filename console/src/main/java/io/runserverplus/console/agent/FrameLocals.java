package io.runserverplus.console.agent;

import io.runserverplus.spi.CapturedFrame;
import io.runserverplus.spi.CapturedVariable;
import java.util.ArrayList;
import java.util.List;

/** What the agent captured: the frames an exception left, with their variables. */
public final class FrameLocals {

    private FrameLocals() {}

    /** Whether the capture agent runs in this JVM. */
    public static boolean agentActive() {
        return CapturedFrames.active();
    }

    /**
     * The frames {@code t} left, innermost first, each matching one of its stack trace elements.
     * Frames of classes not instrumented (JDK, libraries) are absent; so is the frame that caught
     * {@code t}. Empty if the agent is not active or {@code t} is older than the last
     * {@value CapturedFrames#THROWABLES} exceptions recorded. A variable that held {@code t} itself
     * has {@code t} as its value (the recorder keeps a marker instead, so as not to pin {@code t}).
     */
    public static List<CapturedFrame> of(Throwable t) {
        List<CapturedFrame> frames = new ArrayList<>();
        for (CapturedFrames.Capture capture : CapturedFrames.capturesOf(t)) {
            String[] site = capture.site().split("\n", -1);
            List<CapturedVariable> variables = new ArrayList<>();
            for (int i = 0; i < capture.values().length && 4 + 2 * i < site.length; i++) {
                Object value = capture.values()[i];
                variables.add(new CapturedVariable(site[3 + 2 * i], SignatureText.toJava(site[4 + 2 * i]),
                        value == CapturedFrames.SELF ? t : value));
            }
            frames.add(new CapturedFrame(site[0].replace('/', '.'), site[1], site[2], variables));
        }
        return frames;
    }
}
