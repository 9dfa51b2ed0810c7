package io.runserverplus.core.traceback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A failed request's throwable, captured once and kept immutable so the page, the source command
 * and later the console all see the same frames.
 *
 * @param id         registry id, unguessable enough to embed in URLs
 * @param root       the throwable that reached the adapter
 * @param plainText  exactly what {@code printStackTrace} prints
 * @param capturedAt when it was captured
 */
public record Traceback(String id, ThrowableInfo root, String plainText, Instant capturedAt) {

    /** Every frame of every throwable in the traceback, in page order. */
    public List<Frame> allFrames() {
        List<Frame> frames = new ArrayList<>();
        collect(root, frames);
        return frames;
    }

    /** The frame with the given id. */
    public Optional<Frame> frame(int frameId) {
        return allFrames().stream().filter(frame -> frame.id() == frameId).findFirst();
    }

    /** The live throwable whose stack holds the frame with the given id (the console's {@code ex}). */
    public Optional<Throwable> throwableOf(int frameId) {
        return throwableOf(root, frameId);
    }

    private static Optional<Throwable> throwableOf(ThrowableInfo info, int frameId) {
        if (info.frames().stream().anyMatch(frame -> frame.id() == frameId)) {
            return Optional.of(info.throwable());
        }
        Optional<Throwable> inCause = info.cause().flatMap(cause -> throwableOf(cause, frameId));
        if (inCause.isPresent()) {
            return inCause;
        }
        return info.suppressed().stream().map(each -> throwableOf(each, frameId)).flatMap(Optional::stream).findFirst();
    }

    /** The innermost application frame of the deepest cause: the line the developer most likely broke. */
    public Optional<Frame> focusFrame() {
        List<ThrowableInfo> chain = new ArrayList<>();
        for (Optional<ThrowableInfo> next = Optional.of(root); next.isPresent(); next = next.get().cause()) {
            if (!next.get().circularReference()) {
                chain.add(next.get());
            }
        }
        for (ThrowableInfo info : chain.reversed()) {
            Optional<Frame> frame = info.uniqueFrames().stream()
                    .filter(candidate -> candidate.isApplication() && !candidate.hidden())
                    .findFirst();
            if (frame.isPresent()) {
                return frame;
            }
        }
        return Optional.empty();
    }

    private static void collect(ThrowableInfo info, List<Frame> into) {
        into.addAll(info.frames());
        info.cause().ifPresent(cause -> collect(cause, into));
        info.suppressed().forEach(suppressed -> collect(suppressed, into));
    }
}
