package io.runserverplus.core.debugger;

import io.runserverplus.core.console.ConsoleSupport;
import io.runserverplus.core.render.EvalFragment;
import io.runserverplus.core.render.MediaType;
import io.runserverplus.core.traceback.Frame;
import io.runserverplus.core.traceback.Traceback;
import io.runserverplus.spi.CapturedFrame;
import io.runserverplus.spi.CapturedVariable;
import io.runserverplus.spi.ConsoleScope;
import io.runserverplus.spi.Consoles;
import io.runserverplus.spi.DebugRequest;
import io.runserverplus.spi.DebugResponse;
import io.runserverplus.spi.EvalResult;
import io.runserverplus.spi.FrameInfo;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /__debugger__/eval} with form fields {@code tb}, {@code frame} and {@code code}: runs the
 * code in the console of that traceback, bound to that frame (its captured variables, {@code ex},
 * {@code request}, {@code frame}). Without {@code tb}: the standalone console, with {@code app} bound.
 * The endpoint has checked the host, the secret, the method and the PIN's cookie before.
 */
@Singleton
public class EvalCommand {

    /** The id of the standalone console's session (traceback ids are hexadecimal, so never this). */
    static final String STANDALONE = "standalone";

    private final ConsoleSupport console;
    private final TracebackRegistry registry;

    @Inject
    public EvalCommand(ConsoleSupport console, TracebackRegistry registry) {
        this.console = console;
        this.registry = registry;
    }

    public DebugResponse eval(DebugRequest request) {
        Optional<Consoles> consoles = console.consoles();
        if (consoles.isEmpty()) {
            return DebugResponse.of(501, MediaType.TEXT.contentType(), "The console is not installed: add "
                    + ConsoleSupport.ARTIFACT + " to the application's dependencies.\n");
        }
        String code = request.formParameter("code").orElse("").replace("\r\n", "\n");
        Optional<String> tracebackId = request.formParameter("tb").filter(id -> !id.isEmpty());
        String sessionId;
        ConsoleScope scope;
        if (tracebackId.isEmpty()) {
            sessionId = STANDALONE;
            scope = new ConsoleScope(null, null, null, List.of(new CapturedVariable("app", null, console.application())));
        } else {
            Optional<Traceback> traceback = tracebackId.flatMap(registry::find);
            Optional<Integer> frameId = request.formParameter("frame").flatMap(EvalCommand::parseInt);
            Optional<Frame> frame = frameId.flatMap(id -> traceback.flatMap(tb -> tb.frame(id)));
            if (frame.isEmpty()) {
                return DebugResponse.of(404, MediaType.TEXT.contentType(), "That traceback or frame is gone (the server"
                        + " keeps the last " + TracebackRegistry.CAPACITY + " tracebacks and forgets them on restart);"
                        + " reproduce the error for a fresh one.\n");
            }
            sessionId = tracebackId.get();
            scope = scopeOf(traceback.get(), frame.get(), registry.requestOf(sessionId).orElse(null));
        }
        EvalResult result = consoles.get().eval(sessionId, scope, code);
        return DebugResponse.of(200, MediaType.HTML.contentType(), EvalFragment.render(code, result))
                .withHeader("Cache-Control", "no-store");
    }

    private static ConsoleScope scopeOf(Traceback traceback, Frame frame, DebugRequest request) {
        FrameInfo info = new FrameInfo(frame.id(), frame.className(), frame.methodName(),
                frame.fileName().isEmpty() ? null : frame.fileName(), frame.lineNumber());
        List<CapturedVariable> variables = frame.locals().map(CapturedFrame::variables).orElse(List.of());
        return new ConsoleScope(traceback.throwableOf(frame.id()).orElse(null), request, info, variables,
                frame.source().map(window -> window.file().text()).orElse(null));
    }

    private static Optional<Integer> parseInt(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
