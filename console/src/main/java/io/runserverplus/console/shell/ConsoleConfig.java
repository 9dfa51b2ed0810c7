package io.runserverplus.console.shell;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the console engine.
 *
 * @param classLoader the application's class loader; snippets' classes are defined by a child of it,
 *     so snippets see the live application classes (not copies)
 * @param classPath the class path the JShell compiler resolves names against (the application's)
 * @param timeLimit how long one evaluation may run before it is stopped
 * @param outputLimit how many bytes of output one evaluation keeps
 * @param maxSessions how many sessions stay open (least recently used are closed first)
 */
public record ConsoleConfig(ClassLoader classLoader, String classPath, Duration timeLimit, int outputLimit,
                            int maxSessions) {

    public ConsoleConfig {
        Objects.requireNonNull(classLoader, "classLoader");
        Objects.requireNonNull(classPath, "classPath");
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (outputLimit < 1 || maxSessions < 1) {
            throw new IllegalArgumentException("outputLimit and maxSessions must be positive");
        }
    }

    /** The context class loader (else the system one), {@code java.class.path}, 10 s, 64 KB, 8 sessions. */
    public static ConsoleConfig defaults() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new ConsoleConfig(loader != null ? loader : ClassLoader.getSystemClassLoader(),
                System.getProperty("java.class.path", ""), Duration.ofSeconds(10), 64 * 1024, 8);
    }

    public ConsoleConfig withClassLoader(ClassLoader loader) {
        return new ConsoleConfig(loader, classPath, timeLimit, outputLimit, maxSessions);
    }

    public ConsoleConfig withClassPath(String path) {
        return new ConsoleConfig(classLoader, path, timeLimit, outputLimit, maxSessions);
    }

    public ConsoleConfig withTimeLimit(Duration limit) {
        return new ConsoleConfig(classLoader, classPath, limit, outputLimit, maxSessions);
    }

    public ConsoleConfig withOutputLimit(int bytes) {
        return new ConsoleConfig(classLoader, classPath, timeLimit, bytes, maxSessions);
    }

    public ConsoleConfig withMaxSessions(int max) {
        return new ConsoleConfig(classLoader, classPath, timeLimit, outputLimit, max);
    }
}
