package io.runserverplus.console.agent;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Refuses {@code Runtime.exit} and {@code Runtime.halt} (so {@code System.exit}) to console
 * evaluations. The agent copies this class to the boot class path and makes those two methods call
 * {@link #check()} first; the console marks its evaluation thread with {@link #markConsoleThread()}.
 *
 * <p>The mark is an inheritable thread-local, so every thread an evaluation starts, and every thread
 * those start in turn (a snippet's own thread pools included), carries it too. Threads that existed
 * before (the app's executors, the common pool, whose workers never inherit) are the app's: a task a
 * snippet hands to them is checked by the frames on the stack instead (see {@link #check()}). A thread
 * that an app's pool creates while running a snippet's submission inherits the mark for good.
 */
public final class ExitGuard {

    /** What the console shows for a refused exit: one sentence saying why. */
    public static final String MESSAGE = "Refused: the console runs inside the application's JVM, so it may not call "
            + "System.exit, Runtime.exit or Runtime.halt, which would stop the server.";

    private static final InheritableThreadLocal<Boolean> CONSOLE = new InheritableThreadLocal<>();
    /** The loaders of the consoles' snippet classes; weak, so a closed console's loader can go. */
    private static final Map<ClassLoader, Boolean> SNIPPET_LOADERS = Collections.synchronizedMap(new WeakHashMap<>());
    private static final java.util.List<String> SNIPPET_CLASS_MARKERS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static volatile boolean active;

    private ExitGuard() {}

    /**
     * Called first by {@code Runtime.exit} and {@code Runtime.halt}: throws if a console evaluation is
     * the caller, that is if the thread is marked or a snippet's code is on its stack (a snippet's task
     * run by a thread the app started, or by a thread started without inheriting the mark).
     */
    public static void check() {
        if (CONSOLE.get() != null || (!SNIPPET_LOADERS.isEmpty() || !SNIPPET_CLASS_MARKERS.isEmpty())
                && WALKER.walk(frames -> frames.anyMatch(ExitGuard::isSnippets))) {
            throw new SecurityException(MESSAGE);
        }
    }

    /** A frame of a console's input: its class comes from a snippet loader, or carries a snippet class marker. */
    private static boolean isSnippets(StackWalker.StackFrame frame) {
        if (SNIPPET_LOADERS.containsKey(frame.getDeclaringClass().getClassLoader())) {
            return true;
        }
        String name = frame.getClassName();
        for (String marker : SNIPPET_CLASS_MARKERS) {
            if (name.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Registers a piece of the names of a console's input classes that live in the app's own loader
     * (the frame console's, compiled into the frame's package): their frames make a stack a console's.
     */
    public static void registerSnippetClassMarker(String marker) {
        if (!SNIPPET_CLASS_MARKERS.contains(marker)) {
            SNIPPET_CLASS_MARKERS.add(marker);
        }
    }

    /** Registers the loader of a console's snippet classes: their frames on a stack make it a console's. */
    public static void registerSnippetLoader(ClassLoader loader) {
        if (loader != null) { // null is the boot loader's: the JDK's own frames
            SNIPPET_LOADERS.put(loader, Boolean.TRUE);
        }
    }

    /** Marks the calling thread, and every thread it starts from now on, as a console evaluation's. */
    public static void markConsoleThread() {
        CONSOLE.set(Boolean.TRUE);
    }

    /** Whether {@code Runtime} calls {@link #check()} in this JVM (the agent installed the guard). */
    public static boolean active() {
        return active;
    }

    /** Called by the agent once {@code Runtime} calls {@link #check()} (public: the agent is another loader's). */
    public static void activate() {
        active = true;
    }
}
