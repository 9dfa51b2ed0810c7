package io.runserverplus.reloader;

import io.runserverplus.spi.ChangeDetector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Turns a burst of change batches into one: a batch is released once no change arrived for the
 * quiet period, or when the first change of the burst is {@code maxDelay} old, so a never-ending
 * stream of writes still reloads. A build writing 500 class files gives one restart, after the
 * last write (Werkzeug restarts on the first file; Spring DevTools waits 400 ms; Jooby 200 ms).
 *
 * <p>A lone changed file (a saved source, the one class file an IDE writes for it) is released
 * sooner, after its shorter lone quiet period: most edits are that, and the wait is a tenth of
 * the time to the new app serving. A build's second file arrives within milliseconds of its first,
 * and from then on the whole quiet period applies.
 *
 * <p>The timing rule is in {@link #offer(Set, long)} and {@link #takeIfDue(long)}, tested with a
 * fake clock; {@link #start()} runs it on a thread that sleeps until the next deadline.
 */
final class Debouncer implements ChangeDetector.Listener, AutoCloseable {

    // javac and IDEs write a compilation's class files within milliseconds of each other; 120 ms
    // covers that and keeps a change-to-served time under half of Werkzeug's (measured 0.85 s).
    static final Duration DEFAULT_QUIET = Duration.ofMillis(120);
    /** javac writes a compilation's next class file 1-20 ms after the previous one, even cold. */
    static final Duration LONE_QUIET = Duration.ofMillis(50);
    /** An editor writes a saved source at once (or as a temporary file renamed over it). */
    static final Duration LONE_SOURCE_QUIET = Duration.ofMillis(20);
    static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(2);

    private final long quietNanos;
    private final Function<Path, Duration> loneQuiet;
    private long pendingLoneQuietNanos;
    private final long maxNanos;
    private final LongSupplier clock;
    private final Consumer<Set<Path>> sink;
    private Set<Path> pending = new LinkedHashSet<>();
    private long firstAt;
    private long lastAt;
    private boolean closed;
    private Thread thread;

    /** {@code loneQuiet}: how long a single changed file waits; at most {@code quiet}. */
    Debouncer(Duration quiet, Function<Path, Duration> loneQuiet, Duration maxDelay, LongSupplier clock,
            Consumer<Set<Path>> sink) {
        if (maxDelay.compareTo(quiet) < 0) {
            throw new IllegalArgumentException("The maximum delay " + maxDelay
                    + " cannot be shorter than the quiet period " + quiet + ".");
        }
        this.quietNanos = quiet.toNanos();
        this.loneQuiet = loneQuiet;
        this.maxNanos = maxDelay.toNanos();
        this.clock = clock;
        this.sink = sink;
    }

    /** A debouncer in which a lone file waits the whole quiet period too. */
    Debouncer(Duration quiet, Duration maxDelay, LongSupplier clock, Consumer<Set<Path>> sink) {
        this(quiet, path -> quiet, maxDelay, clock, sink);
    }

    Debouncer(Duration quiet, Function<Path, Duration> loneQuiet, Duration maxDelay, Consumer<Set<Path>> sink) {
        this(quiet, loneQuiet, maxDelay, System::nanoTime, sink);
    }

    /** Starts the thread that hands released batches to the sink. */
    synchronized Debouncer start() {
        if (thread == null) {
            thread = Thread.ofPlatform().daemon().name("runserverplus-debounce").start(this::loop);
        }
        return this;
    }

    @Override
    public void changed(Set<Path> paths) {
        offer(paths, clock.getAsLong());
    }

    synchronized void offer(Set<Path> paths, long now) {
        if (paths.isEmpty() || closed) {
            return;
        }
        if (pending.isEmpty()) {
            pendingLoneQuietNanos = Math.min(loneQuiet.apply(paths.iterator().next()).toNanos(), quietNanos);
            firstAt = now;
        }
        pending.addAll(paths);
        lastAt = now;
        notifyAll();
    }

    /** Nanos until the pending batch is due (0 if due now), or -1 if nothing is pending. */
    synchronized long nanosUntilDue(long now) {
        if (pending.isEmpty()) {
            return -1;
        }
        long quiet = pending.size() == 1 ? pendingLoneQuietNanos : quietNanos;
        long due = Math.min(lastAt + quiet, firstAt + maxNanos);
        return Math.max(0, due - now);
    }

    /** The pending batch if it is due, else an empty set. */
    synchronized Set<Path> takeIfDue(long now) {
        if (nanosUntilDue(now) != 0) {
            return Set.of();
        }
        Set<Path> batch = pending;
        pending = new LinkedHashSet<>();
        return batch;
    }

    private void loop() {
        while (true) {
            Set<Path> batch;
            synchronized (this) {
                long wait;
                while (!closed && (wait = nanosUntilDue(clock.getAsLong())) != 0) {
                    try {
                        if (wait < 0) {
                            wait(); // idle: no timer ticking while nothing changes
                        } else {
                            wait(Math.max(1, wait / 1_000_000), 0);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                batch = takeIfDue(clock.getAsLong());
            }
            if (!batch.isEmpty()) {
                try {
                    sink.accept(batch);
                } catch (RuntimeException e) {
                    System.err.println(" * Reloader: handling a change failed: " + e);
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        pending.clear();
        notifyAll();
    }
}
