package io.runserverplus.console.frame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Text inserted or replaced in a unit's input, and the map from positions in the result back to the input. */
final class Edits {

    static final Edits NONE = new Edits(List.of());

    /** Replaces {@code input[at, at + removed)} by {@code inserted}. */
    record Edit(int at, int removed, String inserted) {}

    private final List<Edit> edits;

    Edits(List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::at));
        this.edits = List.copyOf(sorted);
    }

    String apply(String input) {
        StringBuilder out = new StringBuilder(input.length() + 16 * edits.size());
        int from = 0;
        for (Edit e : edits) {
            out.append(input, from, e.at()).append(e.inserted());
            from = e.at() + e.removed();
        }
        return out.append(input, from, input.length()).toString();
    }

    /** The input position of position {@code p} of the edited text. */
    int toInput(int p) {
        int shift = 0;
        for (Edit e : edits) {
            int start = e.at() + shift;
            if (p < start) {
                break;
            }
            if (p < start + e.inserted().length()) {
                return e.at();
            }
            shift += e.inserted().length() - e.removed();
        }
        return p - shift;
    }
}
