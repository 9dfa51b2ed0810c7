package io.runserverplus.core.debugger;

import io.runserverplus.core.console.ConsoleSupport;
import io.runserverplus.core.render.MediaType;
import io.runserverplus.core.traceback.Frame;
import io.runserverplus.core.traceback.Traceback;
import io.runserverplus.spi.CapturedFrame;
import io.runserverplus.spi.CapturedVariable;
import io.runserverplus.spi.ConsoleScope;
import io.runserverplus.spi.DebugRequest;
import io.runserverplus.spi.DebugResponse;
import io.runserverplus.spi.FrameInfo;
import java.util.List;
import java.util.Optional;

/**
 * The console a command's form names: with {@code tb} and {@code frame}, the console of that
 * traceback bound to that frame (its captured variables, {@code ex}, {@code request}, {@code frame});
 * without {@code tb}, the standalone console with {@code app} bound.
 *
 * @param sessionId the console's id: the traceback's, or {@link #STANDALONE}
 * @param scope what the console binds
 * @param frame the frame, empty for the standalone console
 */
record ConsoleTarget(String sessionId, ConsoleScope scope, Optional<Frame> frame) {

    /** The id of the standalone console's session (traceback ids are hexadecimal, so never this). */
    static final String STANDALONE = "standalone";

    /** The target of {@code request}'s form; empty when its traceback or frame is gone. */
    static Optional<ConsoleTarget> of(DebugRequest request, TracebackRegistry registry, ConsoleSupport console) {
        Optional<String> tracebackId = request.formParameter("tb").filter(id -> !id.isEmpty());
        if (tracebackId.isEmpty()) {
            return Optional.of(new ConsoleTarget(STANDALONE, new ConsoleScope(null, null, null,
                    List.of(new CapturedVariable("app", null, console.application()))), Optional.empty()));
        }
        Optional<Traceback> traceback = tracebackId.flatMap(registry::find);
        Optional<Frame> frame = request.formParameter("frame").flatMap(ConsoleTarget::parseInt)
                .flatMap(id -> traceback.flatMap(tb -> tb.frame(id)));
        if (frame.isEmpty()) {
            return Optional.empty();
        }
        DebugRequest failed = registry.requestOf(tracebackId.get()).orElse(null);
        return Optional.of(new ConsoleTarget(tracebackId.get(), scopeOf(traceback.get(), frame.get(), failed), frame));
    }

    /** The answer when {@link #of} found nothing. */
    static DebugResponse gone() {
        return DebugResponse.of(404, MediaType.TEXT.contentType(), "That traceback or frame is gone (the server"
                + " keeps the last " + TracebackRegistry.CAPACITY + " tracebacks and forgets them on restart);"
                + " reproduce the error for a fresh one.\n");
    }

    /** The answer when the console's artifact is not on the class path. */
    static DebugResponse notInstalled() {
        return DebugResponse.of(501, MediaType.TEXT.contentType(), "The console is not installed: add "
                + ConsoleSupport.ARTIFACT + " to the application's dependencies.\n");
    }

    private static ConsoleScope scopeOf(Traceback traceback, Frame frame, DebugRequest request) {
        FrameInfo info = new FrameInfo(frame.id(), frame.className(), frame.methodName(),
                frame.fileName().isEmpty() ? null : frame.fileName(), frame.lineNumber());
        List<CapturedVariable> variables = frame.locals().map(CapturedFrame::variables).orElse(List.of());
        // The frame's source, where it was found, gives its console the file's imports.
        return new ConsoleScope(traceback.throwableOf(frame.id()).orElse(null), request, info, variables,
                frame.source().map(window -> window.file().text()).orElse(null));
    }

    static Optional<Integer> parseInt(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
