package io.runserverplus.core.traceback;

/** Where a frame's code comes from; the page emphasises application frames and folds the rest. */
public enum FrameKind {
    /** Loaded from a directory (the project's compiled classes) or in a configured application package. */
    APPLICATION,
    /** Loaded from a jar: a dependency. */
    LIBRARY,
    /** Part of the JDK ({@code jrt:} modules). */
    JDK;

    /** Lower-case name used as a CSS class and in JSON. */
    public String cssName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
