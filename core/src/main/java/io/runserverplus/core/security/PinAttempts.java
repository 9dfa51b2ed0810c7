package io.runserverplus.core.security;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts wrong PINs. An attempt is reserved before its PIN is compared, and attempts in flight
 * count against the limit, so fifty requests sent at once cannot all be compared before the
 * tenth failure is recorded (Werkzeug's race, fixed in 3.0.4). Once {@link #LIMIT} failures are
 * recorded the console stays locked until restart; a correct PIN before then resets the count.
 * A lock, not {@code synchronized}, so that waiting virtual threads do not pin their carriers.
 */
final class PinAttempts {

    static final int LIMIT = 10;
    static final int SLOW_AFTER = 5;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition settled = lock.newCondition();
    private int failures;
    private int inFlight;

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
            settled.signalAll();
            return failures;
        } finally {
            lock.unlock();
        }
    }
}
