package io.runserverplus.console.frame;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Splits input into units (one statement, declaration or expression each) and tells incomplete
 * input, with JShell's source analysis: parsing only, nothing is compiled or run. One JShell serves
 * every console; calls are serialised.
 */
final class InputSplitter {

    /** The units, or {@code needsMore} for incomplete input. */
    record Split(boolean needsMore, List<String> units) {}

    private final JShell shell;

    /** Over a JShell that is never used to evaluate (its execution engine stays idle). */
    InputSplitter(JShell shell) {
        this.shell = shell;
    }

    synchronized Split split(String source, boolean force) {
        List<String> units = new ArrayList<>();
        String rest = source;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo ci = shell.sourceCodeAnalysis().analyzeCompletion(rest);
            switch (ci.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    if (!force) {
                        return new Split(true, List.of());
                    }
                    units.add(rest);
                    rest = "";
                }
                case COMPLETE, COMPLETE_WITH_SEMI -> {
                    units.add(ci.source());
                    rest = ci.remaining();
                }
                case EMPTY -> rest = "";
                default -> { // UNKNOWN: a syntax error; the compiler will say which
                    units.add(rest);
                    rest = "";
                }
            }
        }
        return new Split(false, units);
    }
}
