package io.runserverplus.console.shell;

import java.util.List;
import jdk.jshell.SnippetEvent;

/**
 * What evaluating one unit of input gave (see {@link UnitEvaluator}). When the unit was compiled inside a
 * wrapper, the snippet's source is {@code source[0, at) + <prefix of prefixLength> + source[at, end) + <suffix>};
 * when {@code valueKept}, the wrapper handed the input's value to {@link ConsoleBindings#$result}.
 */
record UnitEval(List<SnippetEvent> events, String source, int at, int prefixLength, int end, boolean valueKept) {

    boolean wrapped() {
        return prefixLength > 0;
    }

    /** The position in {@link #source} of a position in the compiled snippet, or -1 if in the wrapper. */
    long sourcePosition(long snippetPosition) {
        if (snippetPosition < at) {
            return snippetPosition;
        }
        long p = snippetPosition - prefixLength;
        return p >= at && p <= end ? p : -1;
    }
}
