package io.runserverplus.contract;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A snippet's side of {@link ConsoleContract}'s "other requests are served while a snippet runs":
 * the snippet says it runs, then waits until the test was served. Were requests held up while a
 * snippet runs, the two would wait for each other until the console's time limit stopped the snippet.
 * The contract's servers run in the test's JVM, so the snippet and the test share these latches.
 */
public final class SnippetGate {

    public static final String SERVED = "served while the snippet ran";

    private static volatile CountDownLatch running = new CountDownLatch(1);
    private static volatile CountDownLatch served = new CountDownLatch(1);

    private SnippetGate() {
    }

    /** Called by the snippet. */
    public static String runUntilServed() throws InterruptedException {
        running.countDown();
        served.await();
        return SERVED;
    }

    static void reset() {
        running = new CountDownLatch(1);
        served = new CountDownLatch(1);
    }

    /** Waits, a minute at most, until a snippet called {@link #runUntilServed()}. */
    static boolean awaitRunning() throws InterruptedException {
        return running.await(1, TimeUnit.MINUTES);
    }

    static void served() {
        served.countDown();
    }
}
