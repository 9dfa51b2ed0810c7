package io.runserverplus.core.debugger;

import io.runserverplus.core.console.ConsoleSupport;
import io.runserverplus.spi.DebugRequest;
import io.runserverplus.spi.DebugResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * {@code POST /__debugger__/stop} with form field {@code tb} (absent: the standalone console): stops
 * the evaluation running in that console, as its time limit does; the running {@code eval} then
 * answers that it was stopped. JSON {@code {"stopped": bool}}, {@code false} when nothing ran. The
 * endpoint has checked the host, the secret, the method and the PIN's cookie before.
 */
@Singleton
public class StopCommand {

    private final ConsoleSupport console;

    @Inject
    public StopCommand(ConsoleSupport console) {
        this.console = console;
    }

    public DebugResponse stop(DebugRequest request) {
        String id = request.formParameter("tb").filter(tb -> !tb.isEmpty()).orElse(ConsoleTarget.STANDALONE);
        boolean stopped = console.consoles().map(consoles -> consoles.stop(id)).orElse(false);
        return JsonAnswer.ok(json -> json.writeBooleanField("stopped", stopped));
    }
}
