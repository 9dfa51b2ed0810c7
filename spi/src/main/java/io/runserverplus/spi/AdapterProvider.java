package io.runserverplus.spi;

/**
 * Announces an installed framework adapter, so that core can list what is on the class path and
 * explain a missing or conflicting one. Registered through {@link java.util.ServiceLoader}.
 */
public interface AdapterProvider {

    /** Short name used in messages and settings, e.g. {@code javalin}. */
    String name();

    /** The Maven coordinates a user adds to get this adapter, quoted in error messages. */
    String artifact();

    /** How a user makes an app for this adapter, quoted in messages, e.g. {@code JavalinApp.of(config -> ...)}. */
    String usage();

    /** The framework's own Maven coordinates, quoted when it is missing. */
    String frameworkArtifact();

    /** Whether the framework this adapter bridges is itself on the class path. */
    boolean isAvailable();
}
