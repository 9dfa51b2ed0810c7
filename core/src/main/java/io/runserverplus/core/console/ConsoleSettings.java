package io.runserverplus.core.console;

import java.time.Duration;
import java.util.Optional;

/**
 * The console's settings of one start.
 *
 * @param standalonePath where the standalone console page is served ({@code --console-path}), empty for none
 * @param timeLimit      how long one evaluation may run ({@code --console-time-limit})
 */
public record ConsoleSettings(Optional<String> standalonePath, Duration timeLimit) {

    /** The standalone console at {@code /console}, evaluations stopped after 10 s. */
    public static ConsoleSettings defaults() {
        return new ConsoleSettings(Optional.of("/console"), Duration.ofSeconds(10));
    }
}
