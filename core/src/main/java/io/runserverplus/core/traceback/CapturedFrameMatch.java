package io.runserverplus.core.traceback;

import io.runserverplus.spi.CapturedFrame;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Pairs the frames the capture agent recorded with the stack trace elements they belong to. Both
 * run innermost first and the agent records only frames the exception left, so each capture matches
 * the next element of the same class and method; a capture that matches none (the exception was
 * caught and thrown again from elsewhere) is left out rather than shifting the others.
 */
final class CapturedFrameMatch {

    private CapturedFrameMatch() {
    }

    /** One entry per element of {@code trace}: its captured frame, if any. */
    static List<Optional<CapturedFrame>> align(StackTraceElement[] trace, List<CapturedFrame> captured) {
        List<Optional<CapturedFrame>> aligned = new ArrayList<>(Collections.nCopies(trace.length, Optional.empty()));
        int next = 0;
        for (CapturedFrame frame : captured) {
            for (int i = next; i < trace.length; i++) {
                if (trace[i].getClassName().equals(frame.className()) && trace[i].getMethodName().equals(frame.methodName())) {
                    aligned.set(i, Optional.of(frame));
                    next = i + 1;
                    break;
                }
            }
        }
        return aligned;
    }
}
