package io.runserverplus.spi;

/**
 * Runs the app under a supervisor that restarts it in a fresh child JVM when its files change.
 * Core finds it through {@link java.util.ServiceLoader}; without one on the class path the app runs
 * in-process, as with {@code --noreload}.
 */
public interface ReloaderProvider {

    /**
     * Environment variable a supervisor sets in each child: how many children it started before
     * (0 for the first start, 1 after the first reload, ...).
     */
    String START_ENV = "RUNSERVERPLUS_START";

    /**
     * Environment variable a supervisor sets in each child: a file the child creates once it
     * serves, holding "pid port". A child that dies after serving for a while is restarted at once;
     * one that dies before, or soon after, would only die again, so it waits for a change.
     */
    String SERVING_FILE_ENV = "RUNSERVERPLUS_SERVING_FILE";

    /**
     * Beside the serving file, a child that serves creates {@code <this><pid>} and has the JVM
     * delete it on exit ({@link java.io.File#deleteOnExit()}), which happens after every shutdown
     * hook has run: once it is gone, the app has stopped, and what is left of the JVM's exit is the
     * JVM's own, up to 300 ms when a thread waits in native code (the virtual-thread poller).
     */
    String HOOKS_DONE_PREFIX = "running-";

    /**
     * Environment variable naming a file the supervisor rewrites after each change of a static file
     * (which does not restart the app), so that the app's live-reload stream can tell the browser.
     */
    String STATIC_CHANGES_ENV = "RUNSERVERPLUS_STATIC_CHANGES";

    /**
     * Environment variable a supervisor sets in a child: "host port", where the child serves: the
     * address a RunServerPlus setting named, or the one the first child chose with the app's own
     * settings ({@link #OWN_ADDRESS_FILE}), and after port 0 the port the first child got. The child
     * does not ask the app or its command line again. Without it, the child chooses.
     */
    String ADDRESS_ENV = "RUNSERVERPLUS_ADDRESS";

    /**
     * Beside the serving file, a child started without {@link #ADDRESS_ENV} writes "host port" once
     * it has chosen where to serve (RunServerPlus's default, or the app's own framework settings),
     * before it starts serving. The supervisor never runs the app's configuration itself (for
     * Javalin that would keep the framework's classes in its memory); it serves its failure pages
     * there and hands that address to later children.
     */
    String OWN_ADDRESS_FILE = "address";

    /** Environment variable a supervisor sets to {@code 1} in each child. */
    String CHILD_ENV = "RUNSERVERPLUS_CHILD";

    /** Whether this JVM is a child that a supervisor started (it then serves the app itself). */
    boolean isChild();

    /** In a child: end this JVM when its supervisor is gone, so no orphan keeps the port. */
    void exitWithSupervisor();

    /**
     * Supervises the app until stopped (Ctrl+C, SIGTERM), starting the same main class again in
     * child JVMs; returns the exit status for the supervisor's JVM.
     *
     * @throws IllegalArgumentException with one sentence when a setting cannot be used, e.g. an
     *                                  unknown reloader type
     */
    int supervise(SupervisedApp app);
}
