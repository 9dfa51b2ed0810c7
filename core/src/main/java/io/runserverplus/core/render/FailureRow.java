package io.runserverplus.core.render;

import io.runserverplus.core.traceback.Frame;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of the failures list.
 *
 * @param id           the traceback's id, which names its page
 * @param time         when it failed
 * @param status       the status the client got
 * @param frame        the innermost application frame, where the developer most likely broke it
 * @param times        how often a failure of this shape has been seen
 * @param handledByApp whether the app's own exception handler answered (no debugger page was sent)
 */
public record FailureRow(String id, Instant time, String method, String path, int status, String type,
                         String message, Optional<Frame> frame, long times, boolean handledByApp) {
}
