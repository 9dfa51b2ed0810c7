package io.runserverplus.reloader;

import io.runserverplus.spi.ChangeDetector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects what a detector reports, and waits for paths to show up. */
final class Recorder implements ChangeDetector.Listener {

    private final List<Set<Path>> batches = new ArrayList<>();

    @Override
    public synchronized void changed(Set<Path> paths) {
        batches.add(Set.copyOf(paths));
        notifyAll();
    }

    synchronized Set<Path> seen() {
        var all = new LinkedHashSet<Path>();
        batches.forEach(all::addAll);
        return all;
    }

    synchronized List<Set<Path>> batches() {
        return List.copyOf(batches);
    }

    synchronized void clear() {
        batches.clear();
    }

    /** Waits until every path was reported; returns everything reported so far. */
    synchronized Set<Path> await(Path... paths) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!seen().containsAll(List.of(paths))) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new AssertionError("Not reported within 10 s: " + List.of(paths) + "; reported: " + seen());
            }
            wait(left);
        }
        return seen();
    }
}
