package io.runserverplus.core.source;

import java.util.List;

/**
 * The text of one source file and where it was found.
 *
 * @param displayPath where the file lives, as shown to the user (a path, or {@code archive!/entry})
 * @param text        the whole file
 * @param lines       the file's lines without terminators, split once since every frame needs them
 */
public record SourceFile(String displayPath, String text, List<String> lines) {

    public SourceFile {
        lines = List.copyOf(lines);
    }

    public static SourceFile of(String displayPath, String text) {
        return new SourceFile(displayPath, text, text.lines().toList());
    }
}
