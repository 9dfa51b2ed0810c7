package io.runserverplus.core.source;

import java.util.List;
import java.util.Optional;

/**
 * The lines around a frame's line, as the page shows them under the frame.
 *
 * @param file       the file the lines come from
 * @param firstLine  the line number of {@code lines.get(0)}
 * @param lines      the lines shown
 * @param line       the frame's line
 * @param enclosing  the lines of the method, constructor or lambda that contains the frame's line
 */
public record SourceWindow(SourceFile file, int firstLine, List<String> lines, int line, Optional<LineRange> enclosing) {

    public SourceWindow {
        lines = List.copyOf(lines);
    }
}
