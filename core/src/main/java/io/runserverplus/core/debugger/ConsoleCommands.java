package io.runserverplus.core.debugger;

import io.runserverplus.spi.DebugRequest;
import io.runserverplus.spi.DebugResponse;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * The console pane's commands besides {@code eval}: Tab completion, Stop, and the fields of a
 * frame's value. Each is made on first use. The endpoint has checked the host, the secret, the
 * method and the PIN's cookie before.
 */
@Singleton
public class ConsoleCommands {

    private final Provider<CompleteCommand> complete;
    private final Provider<StopCommand> stop;
    private final Provider<ExpandCommand> expand;

    @Inject
    public ConsoleCommands(Provider<CompleteCommand> complete, Provider<StopCommand> stop,
                           Provider<ExpandCommand> expand) {
        this.complete = complete;
        this.stop = stop;
        this.expand = expand;
    }

    /** Answers {@code command}: {@code complete}, {@code stop} or {@code expand}. */
    DebugResponse handle(String command, DebugRequest request) {
        return switch (command) {
            case "complete" -> complete.get().complete(request);
            case "stop" -> stop.get().stop(request);
            case "expand" -> expand.get().expand(request);
            default -> throw new IllegalArgumentException("not a console pane command: " + command);
        };
    }
}
