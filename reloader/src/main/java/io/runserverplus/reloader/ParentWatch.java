package io.runserverplus.reloader;

import java.util.Optional;

/**
 * Lets the app's child JVM notice that its supervisor is gone (killed with {@code kill -9}, or its
 * terminal closed) and exit, instead of holding the port as an orphan. The JVM has no
 * parent-death signal, and {@code ProcessHandle.onExit()} of a non-child polls with a delay growing
 * to 5 s, so a daemon thread checks every half second, which costs a few microseconds each time.
 */
public final class ParentWatch {

    static final long CHECK_MILLIS = 500;
    /** A standby child watches from its boot, and the app installs again once it runs: one is enough. */
    private static final java.util.concurrent.atomic.AtomicBoolean installed = new java.util.concurrent.atomic.AtomicBoolean();

    private ParentWatch() {
    }

    /**
     * In a child started by the {@link Supervisor}, starts watching the supervisor and exits the JVM
     * with status 1 when it is gone; elsewhere does nothing. Returns whether it started watching.
     */
    public static boolean install() {
        if (!Supervisor.isChild()) {
            return false;
        }
        if (!installed.compareAndSet(false, true)) {
            return true;
        }
        Optional<ProcessHandle> supervisor = supervisor();
        if (supervisor.isEmpty()) {
            exit();
        }
        ProcessHandle parent = supervisor.get();
        Thread.ofPlatform().daemon().name("runserverplus-parent-watch").start(() -> {
            try {
                while (parent.isAlive()) {
                    Thread.sleep(CHECK_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            }
            exit();
        });
        return true;
    }

    private static Optional<ProcessHandle> supervisor() {
        String pid = System.getenv(Supervisor.SUPERVISOR_PID_ENV);
        if (pid != null) {
            try {
                return ProcessHandle.of(Long.parseLong(pid.strip()));
            } catch (NumberFormatException e) {
                // fall back to the parent
            }
        }
        return ProcessHandle.current().parent();
    }

    private static void exit() {
        System.err.println(" * The RunServerPlus supervisor is gone; stopping.");
        System.exit(1);
    }
}
