package io.runserverplus.core.debugger;

import io.runserverplus.core.console.ConsoleSupport;
import io.runserverplus.core.render.EvalFragment;
import io.runserverplus.core.render.MediaType;
import io.runserverplus.spi.Consoles;
import io.runserverplus.spi.DebugRequest;
import io.runserverplus.spi.DebugResponse;
import io.runserverplus.spi.EvalResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * {@code POST /__debugger__/eval} with form fields {@code tb}, {@code frame} and {@code code}: runs the
 * code in the console of that traceback, bound to that frame (its captured variables, {@code ex},
 * {@code request}, {@code frame}). Without {@code tb}: the standalone console, with {@code app} bound.
 * The endpoint has checked the host, the secret, the method and the PIN's cookie before.
 */
@Singleton
public class EvalCommand {

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
            return ConsoleTarget.notInstalled();
        }
        String code = request.formParameter("code").orElse("").replace("\r\n", "\n");
        Optional<ConsoleTarget> target = ConsoleTarget.of(request, registry, console);
        if (target.isEmpty()) {
            return ConsoleTarget.gone();
        }
        EvalResult result = consoles.get().eval(target.get().sessionId(), target.get().scope(), code);
        return DebugResponse.of(200, MediaType.HTML.contentType(), EvalFragment.render(code, result))
                .withHeader("Cache-Control", "no-store");
    }
}
