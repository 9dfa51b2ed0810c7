package io.runserverplus.console.shell;

import io.runserverplus.spi.Completions;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Tab completion in a console: JShell's completion of the input at the cursor, plus the bound
 * variables whose name starts with the partial name there. JShell completes the members of a
 * variable only if it is a JShell variable, so the bound names the input uses are declared first
 * (the same declaration an evaluation that assigns them makes). Engine thread only.
 */
final class Completer {

    /** More would be no help in a list to choose from; the user types more of the name instead. */
    static final int MAX_CANDIDATES = 200;

    private Completer() {
    }

    static Completions complete(Engine engine, BoundVariables bound, String code, int cursor) {
        int start = cursor;
        while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) {
            start--;
        }
        String prefix = code.substring(start, cursor);
        List<String> used = SourceScan.names(code.substring(0, start)).stream().filter(bound::isBound).toList();
        bound.refreshKeptVariables();
        bound.declare(used);

        int[] anchor = {start};
        Set<String> candidates = new TreeSet<>();
        SourceCodeAnalysis analysis = engine.shell.sourceCodeAnalysis();
        for (SourceCodeAnalysis.Suggestion suggestion : analysis.completionSuggestions(code, cursor, anchor)) {
            if (!suggestion.continuation().startsWith("$")) { // JShell's own temporaries ($1)
                candidates.add(suggestion.continuation());
            }
        }
        if (candidates.isEmpty()) {
            anchor[0] = start;
        }
        if (anchor[0] == start && !afterDot(code, start)) {
            bound.names().stream().filter(name -> name.startsWith(prefix)).forEach(candidates::add);
        }
        return new Completions(anchor[0], candidates.stream().limit(MAX_CANDIDATES).toList());
    }

    private static boolean afterDot(String code, int start) {
        int i = start - 1;
        while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
            i--;
        }
        return i >= 0 && code.charAt(i) == '.';
    }
}
