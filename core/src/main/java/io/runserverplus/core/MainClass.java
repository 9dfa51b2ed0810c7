package io.runserverplus.core;

import java.util.Optional;

/** Finds the class whose {@code main} started this program, so a child JVM can run it again. */
public final class MainClass {
    private MainClass() {
    }

    public static Optional<String> ofThisProgram() {
        // The innermost main(...) on this thread's stack: the program's entry point when start()
        // runs on the main thread, where programs call it. Innermost, because a launcher's main
        // (the reloader's warmed standby JVM) may call the program's main in turn; the PIN is
        // computed from this class and must not change with the way the JVM was started.
        Optional<String> fromStack = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(frame -> "main".equals(frame.getMethodName())).findFirst())
                .map(frame -> frame.getDeclaringClass().getName());
        if (fromStack.isPresent()) {
            return fromStack;
        }
        // Otherwise the launcher's record of the command: "com.acme.Main arg1 ...", unless -jar.
        String command = System.getProperty("sun.java.command", "").strip();
        String first = command.isEmpty() ? "" : command.split("\\s+")[0];
        return first.isEmpty() || first.endsWith(".jar") ? Optional.empty() : Optional.of(first);
    }
}
