package io.runserverplus.core.security;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts wrong PINs. An attempt is reserved before its PIN is compared, and attempts in flight
 * count against the limit, so fifty requests sent at once cannot all be compared before the
 * tenth failure is recorded (Werkzeug's race, fixed in 3.0.4). Once {@link #LIMIT} failures are
 * recorded the console stays locked until the server restarts; a correct PIN before then resets
 * the count. A lock, not {@code synchronized}, so that waiting virtual threads do not pin their
 * carriers.
 *
 * <p>Under the reloader the count is kept in the supervisor's {@link PinAttemptsFile}, so a reload
 * or a crash of the app's JVM neither unlocks the console nor hands out new guesses. The file
 * holds the failures plus the attempts in flight: an attempt the JVM died in the middle of
 * counts as a wrong one.
 */
final class PinAttempts {

    static final int LIMIT = 10;
    static final int SLOW_AFTER = 5;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition settled = lock.newCondition();
    private final Optional<PinAttemptsFile> file;
    private int failures;
    private int inFlight;

    /** Counted in this JVM only (without the reloader, the server is this JVM). */
    PinAttempts() {
        this(Optional.empty());
    }

    /** Counted on from what the supervisor's file holds, when there is one. */
    PinAttempts(Optional<PinAttemptsFile> file) {
        this.file = file;
        this.failures = Math.min(LIMIT, file.map(PinAttemptsFile::read).orElse(0));
    }

    /**
     * Reserves an attempt, waiting while attempts in flight could still reach the limit;
     * false when the console is locked.
     */
    boolean reserve() throws InterruptedException {
        lock.lock();
        try {
            while (failures < LIMIT && failures + inFlight >= LIMIT) {
                settled.await(10, TimeUnit.SECONDS);
            }
            if (failures >= LIMIT) {
                return false;
            }
            inFlight++;
            if (!save()) {
                inFlight--;
                return false;
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    void succeeded() {
        settle(false);
    }

    /** Records a failure; returns how many there are now. */
    int failed() {
        return settle(true);
    }

    boolean locked() {
        lock.lock();
        try {
            return failures >= LIMIT;
        } finally {
            lock.unlock();
        }
    }

    private int settle(boolean failure) {
        lock.lock();
        try {
            inFlight--;
            failures = failure ? failures + 1 : 0;
            save();
            settled.signalAll();
            return failures;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes the count through to the supervisor's file; false when it cannot, and then no PIN is
     * compared: a guess that could not be counted across a restart must not be made.
     */
    private boolean save() {
        if (file.isEmpty()) {
            return true;
        }
        try {
            file.get().write(Math.min(LIMIT, failures + inFlight));
            return true;
        } catch (IOException e) {
            System.err.println(" * The debugger cannot record a PIN attempt (" + e.getMessage()
                    + "), so it refuses PINs; restart the server.");
            return false;
        }
    }
}
