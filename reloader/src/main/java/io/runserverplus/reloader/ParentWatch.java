package io.runserverplus.reloader;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Lets the app's child JVM notice that its supervisor is gone (killed with {@code kill -9}, or its
 * terminal closed) and exit, instead of holding the port as an orphan. The JVM has no
 * parent-death signal, and {@code ProcessHandle.onExit()} of a non-child polls with a delay growing
 * to 5 s, so the child holds a loopback connection to the supervisor's {@link Lifeline} and blocks
 * reading it: the kernel closes it when the supervisor dies, and an idle child has no thread that
 * wakes. Without a lifeline in its environment (or when it cannot connect), a daemon thread checks
 * every half second instead.
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
        Socket lifeline = connectLifeline();
        if (lifeline != null) {
            // A thread blocked reading a socket holds the JVM's exit back by about 300 ms (JDK 25),
            // and every reload waits for the old JVM to exit: the socket is closed first thing at
            // shutdown, which ends the read without meaning that the supervisor is gone.
            var shuttingDown = new java.util.concurrent.atomic.AtomicBoolean();
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("runserverplus-lifeline-close").unstarted(() -> {
                shuttingDown.set(true);
                try {
                    lifeline.close();
                } catch (IOException ignored) {
                    // closing is all that matters
                }
            }));
            Thread.ofPlatform().daemon().name("runserverplus-parent-watch").start(() -> {
                try (lifeline; InputStream in = lifeline.getInputStream()) {
                    while (in.read() >= 0) {
                        // the supervisor sends nothing; -1 (or an error) means it is gone
                    }
                } catch (IOException gone) {
                    // as for -1
                }
                if (!shuttingDown.get()) {
                    exit();
                }
            });
            return true;
        }
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

    /** The connection to the supervisor's {@link Lifeline}, or null without one. */
    private static Socket connectLifeline() {
        String value = System.getenv(Lifeline.ENV);
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 0) {
            return null;
        }
        try {
            int port = Integer.parseInt(value.substring(0, colon));
            var socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.getOutputStream().write(value.substring(colon + 1).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return socket;
        } catch (IOException | RuntimeException e) {
            return null;
        }
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
