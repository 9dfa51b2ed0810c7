package io.runserverplus.console.agent.testfixture;

/**
 * Stands for framework code: loaded from a directory, but in {@code io.runserverplus}, which the
 * agent leaves alone unless configured. An exception passing through it must not record its frame.
 */
public final class Library {
    private Library() {}

    public static void call(Runnable body) {
        String secret = "library local";
        body.run();
        secret.length();
    }
}
