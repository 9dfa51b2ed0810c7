/** RunServerPlus core: the debugger and the builder, independent of any web framework. */
module io.runserverplus.core {
    requires transitive io.runserverplus.spi;
    // Transitive: the builder's public modules(com.google.inject.Module...) names Guice, so a
    // user's module that calls it must read Guice; jakarta.inject's annotations are on the public
    // classes of exported packages.
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
    exports io.runserverplus.core.server; // ServerAddress, named by Settings.address()
    exports io.runserverplus.core.terminal; // Terminal, named by the builder's terminal(...)
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
    opens io.runserverplus.core.requestlog to com.google.guice;
    opens io.runserverplus.core.source to com.google.guice;
    opens io.runserverplus.core.traceback to com.google.guice;
    opens io.runserverplus.core.standby to com.google.guice;
    opens io.runserverplus.core.settings to info.picocli;

    uses io.runserverplus.spi.AdapterProvider;
    uses io.runserverplus.spi.ConsoleProvider;
    uses io.runserverplus.spi.ReloaderProvider;
    provides io.runserverplus.spi.StandbyWarmUp with io.runserverplus.core.standby.GuiceWarmUp,
            io.runserverplus.core.standby.SettingsWarmUp;
}
