package io.runserverplus.core.source;

/** An inclusive range of 1-based line numbers. */
public record LineRange(int first, int last) {

    public LineRange {
        if (first > last) {
            throw new IllegalArgumentException("line range " + first + ".." + last + " is empty");
        }
    }

    public boolean contains(int line) {
        return line >= first && line <= last;
    }

    public int length() {
        return last - first + 1;
    }
}
