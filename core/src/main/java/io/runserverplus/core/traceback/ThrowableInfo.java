package io.runserverplus.core.traceback;

import java.util.List;
import java.util.Optional;

/**
 * One throwable of a traceback, with its own cause chain and suppressed throwables.
 *
 * @param typeName           the throwable's class name
 * @param message            its message, when it has one
 * @param frames             its stack, innermost first
 * @param framesInCommon     how many of the last frames repeat the enclosing throwable's (Java's
 *                           "... N more"); 0 for the outermost throwable
 * @param cause              the "Caused by" throwable
 * @param suppressed         the "Suppressed" throwables
 * @param circularReference  true when this throwable already appeared above, so it is shown as a
 *                           reference only (printStackTrace's "[CIRCULAR REFERENCE: ...]")
 * @param throwable          the live throwable, bound as {@code ex} in the console of its frames
 */
public record ThrowableInfo(
        String typeName,
        Optional<String> message,
        List<Frame> frames,
        int framesInCommon,
        Optional<ThrowableInfo> cause,
        List<ThrowableInfo> suppressed,
        boolean circularReference,
        Throwable throwable) {

    public ThrowableInfo {
        frames = List.copyOf(frames);
        suppressed = List.copyOf(suppressed);
    }

    /** The first line of printStackTrace: {@code type: message}, or the type alone. */
    public String summary() {
        return message.map(text -> typeName + ": " + text).orElse(typeName);
    }

    /** The frames unique to this throwable (without the "... N more" tail). */
    public List<Frame> uniqueFrames() {
        return frames.subList(0, frames.size() - framesInCommon);
    }

    /** The type name without its package. */
    public String simpleTypeName() {
        return typeName.substring(typeName.lastIndexOf('.') + 1);
    }
}
