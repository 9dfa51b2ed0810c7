package io.runserverplus.spi;

import java.util.List;

/**
 * The console port: captures the locals of the frames an exception leaves and runs the interactive
 * console in the app's JVM. Core finds it through {@link java.util.ServiceLoader}; without one on
 * the class path the traceback page has no console and says which artifact adds it.
 */
public interface ConsoleProvider {

    /**
     * JVM options the app's JVM needs to capture locals, e.g. a {@code -javaagent}; a supervisor adds
     * them to every child it starts. Empty when capture cannot work (the agent's jar not found).
     */
    List<String> jvmOptions();

    /** Whether locals are being captured in this JVM. */
    boolean capturesLocals();

    /**
     * The frames {@code t} left, innermost first, each matching one of its stack trace elements in
     * order, with their variables; empty when nothing was captured.
     */
    List<CapturedFrame> capturedFrames(Throwable t);

    /** A value as the console shows it (long strings cut, big collections folded, broken toString said). */
    String render(Object value);

    /**
     * Starts the consoles of this JVM over the application's class loader (snippets see its live
     * classes) and class path (the compiler resolves names against it); each evaluation is stopped
     * after {@code timeLimit}.
     */
    Consoles start(ClassLoader applicationLoader, String classPath, java.time.Duration timeLimit);
}
