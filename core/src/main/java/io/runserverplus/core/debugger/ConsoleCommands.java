package io.runserverplus.core.debugger;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/** The console pane's commands besides {@code eval}, each made on first use: Tab completion, Stop, expanding a value's fields. */
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

    CompleteCommand complete() {
        return complete.get();
    }

    StopCommand stop() {
        return stop.get();
    }

    ExpandCommand expand() {
        return expand.get();
    }
}
