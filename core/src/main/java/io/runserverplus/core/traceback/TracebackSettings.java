package io.runserverplus.core.traceback;

import java.nio.file.Path;
import java.util.List;

/**
 * What the traceback needs from the user's settings.
 *
 * @param applicationPackages packages whose frames count as application code even from a jar
 * @param sourceRoots         directories searched for application sources, in order
 * @param contextLines        lines of source shown before and after a frame's line
 */
public record TracebackSettings(List<String> applicationPackages, List<Path> sourceRoots, int contextLines) {

    public static final int DEFAULT_CONTEXT_LINES = 5;

    public TracebackSettings {
        applicationPackages = List.copyOf(applicationPackages);
        sourceRoots = List.copyOf(sourceRoots);
    }
}
