/** RunServerPlus core: the debugger and the builder, independent of any web framework. */
module io.runserverplus.core {
    requires transitive io.runserverplus.spi;
    requires transitive com.google.guice;
    // Guice is an automatic module, which cannot say that it needs Guava: on the module path,
    // this line is what resolves Guava.
    requires com.google.common;
    requires transitive jakarta.inject;
    requires com.github.javaparser.core;
    requires owasp.encoder;
    requires com.fasterxml.jackson.core;
    requires info.picocli;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;

    exports io.runserverplus.core;
    exports io.runserverplus.core.debugger;
    // The Helidon adapter reads the request target's authority as the debugger reads Host headers.
    exports io.runserverplus.core.security to io.runserverplus.adapter.helidon;
    exports io.runserverplus.core.server;
    // The builder names StartupMessages and throws SettingsException and PortInUseException.
    exports io.runserverplus.core.settings;
    // A user's modules(...) may replace the SourceLocator (README, "Replacing a piece").
    exports io.runserverplus.core.source;
    // Not exported: console (the console's support in core), render, tls, traceback.

    // Guice builds our singletons reflectively; picocli fills the command-line fields.
    opens io.runserverplus.core to com.google.guice;
    opens io.runserverplus.core.console to com.google.guice;
    opens io.runserverplus.core.debugger to com.google.guice;
    opens io.runserverplus.core.render to com.google.guice;
    opens io.runserverplus.core.security to com.google.guice;
    opens io.runserverplus.core.server to com.google.guice;
    opens io.runserverplus.core.source to com.google.guice;
    opens io.runserverplus.core.traceback to com.google.guice;
    opens io.runserverplus.core.settings to info.picocli;

    uses io.runserverplus.spi.AdapterProvider;
    uses io.runserverplus.spi.ConsoleProvider;
    uses io.runserverplus.spi.ReloaderProvider;
}
