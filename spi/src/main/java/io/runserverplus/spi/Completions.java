package io.runserverplus.spi;

import java.util.List;

/**
 * What Tab offers at a cursor in a console's input.
 *
 * @param anchor where the replaced text starts in the input (the start of the partial name before
 *     the cursor); the UI replaces {@code input[anchor, cursor)} by the chosen candidate
 * @param candidates the names that fit, sorted, without duplicates (methods end with {@code (}, or
 *     {@code ()} when they take no argument)
 */
public record Completions(int anchor, List<String> candidates) {

    /** Nothing to offer. */
    public static final Completions NONE = new Completions(0, List.of());

    public Completions {
        candidates = List.copyOf(candidates);
    }
}
