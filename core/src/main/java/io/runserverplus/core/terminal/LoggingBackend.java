package io.runserverplus.core.terminal;

/** Tells whether the application set up a logging backend for {@link System.Logger}. */
final class LoggingBackend {
    private LoggingBackend() {
    }

    static boolean isConfigured() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return true;
        }
        // The JDK's own finders: java.util.logging with its default two-line console format, or
        // the bare fallback when java.logging is absent. Any other finder is the user's choice.
        String finder = System.LoggerFinder.getLoggerFinder().getClass().getName();
        return !finder.startsWith("sun.util.logging.") && !finder.startsWith("jdk.internal.logger.");
    }
}
