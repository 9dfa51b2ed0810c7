package io.runserverplus.console.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Test-class-path types that snippets use: proves they see the app's classes and live objects. */
public final class Probe {

    public static volatile Object recorded;

    private Probe() {
    }

    public static volatile boolean released;

    /** Counted down by a snippet's loop while it runs, so a test knows that the loop has started. */
    public static volatile CountDownLatch looping = new CountDownLatch(1);

    public static void record(Object value) {
        recorded = value;
    }

    /** Application code that ignores interrupts: JShell's stop cannot end it. */
    public static void waitIgnoringInterrupts() {
        while (!released) {
            Thread.interrupted();
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    /** A public base a hidden subclass is bound through. */
    public abstract static class Base {
        public final List<String> log = new ArrayList<>();

        public String greet() {
            return "hello from " + getClass().getSimpleName();
        }
    }

    /** Not public: snippets cannot name it, so it is bound as {@link Base}. */
    static final class Hidden extends Base implements Runnable {
        @Override
        public void run() {
            log.add("ran");
        }
    }
}
