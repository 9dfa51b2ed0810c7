package io.runserverplus.core.debugger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RepeatedFailuresTest {

    private static final AtomicInteger ORDERS = new AtomicInteger();

    /** Each kind is thrown from a line of its own; "a" has a new message every time. */
    private static Throwable make(String kind) {
        return switch (kind) {
            case "a" -> new IllegalStateException("order " + ORDERS.incrementAndGet() + " failed");
            case "b" -> new IllegalStateException("order failed");
            case "caused" -> new IllegalStateException("order failed", new java.io.IOException("disk"));
            default -> new IllegalArgumentException(kind);
        };
    }

    /** Records the kinds in turn, all made from the same call site. */
    private static long[] record(RepeatedFailures failures, boolean afterCommit, String... kinds) {
        long[] counts = new long[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            counts[i] = failures.record(make(kinds[i]), afterCommit);
        }
        return counts;
    }

    @Test
    void theSameTypesAndFramesCountAsOneFailureWhateverTheMessage() {
        RepeatedFailures failures = new RepeatedFailures(8);

        assertThat(record(failures, false, "a", "a", "b", "a", "caused", "b")).containsExactly(1, 2, 1, 3, 1, 2);
        assertThat(record(failures, true, "a", "a")).as("after the commit, counted apart").containsExactly(1, 2);
    }

    @Test
    void atMostCapacityFailuresAreRememberedTheLeastRecentlySeenIsForgotten() {
        RepeatedFailures failures = new RepeatedFailures(2);

        // "a" seen again before "c" arrives, so "b" is the least recently seen and is forgotten.
        assertThat(record(failures, false, "a", "b", "a", "c", "a", "b")).containsExactly(1, 1, 2, 1, 3, 1);
    }
}
