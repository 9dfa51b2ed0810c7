package io.runserverplus.spi;

import java.util.List;

/**
 * What a console's snippets see as variables.
 *
 * @param exception bound as {@code ex}; {@code null} in the standalone console
 * @param request bound as {@code request} (a {@link DebugRequest}); {@code null} in the standalone console
 * @param frame bound as {@code frame}; {@code null} when no frame is chosen
 * @param variables the frame's variables ({@code this} is bound as {@code self}), or extra names such
 *     as the standalone console's {@code app}
 * @param frameSource the text of the frame's source file, when found (its imports are the console's);
 *     {@code null} otherwise
 */
public record ConsoleScope(Throwable exception, Object request, FrameInfo frame, List<CapturedVariable> variables,
                           String frameSource) {

    public ConsoleScope {
        variables = List.copyOf(variables);
    }

    /** A scope without the frame's source. */
    public ConsoleScope(Throwable exception, Object request, FrameInfo frame, List<CapturedVariable> variables) {
        this(exception, request, frame, variables, null);
    }
}
