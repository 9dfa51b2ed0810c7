package io.runserverplus.spi;

/**
 * Work a standby JVM does before "go": the reloader starts the next app JVM ahead of a reload,
 * which preloads the libraries' classes and then waits until a change makes it the app. What runs
 * here is then not paid after the change. Found through {@link java.util.ServiceLoader}; each runs
 * once, after the preloading, and none after "go".
 *
 * <p>An implementation must not load the app's classes (they may change before "go"), start
 * threads that outlive it, write files, or change what the app sees afterwards, except that some
 * library code has already run. A failure only costs the speed it would have bought.
 */
public interface StandbyWarmUp {

    void warmUp();
}
