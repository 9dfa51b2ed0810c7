package io.runserverplus.core;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import io.runserverplus.core.console.ConsoleSettings;
import io.runserverplus.core.security.SecuritySettings;
import io.runserverplus.core.security.TrustedHosts;
import io.runserverplus.core.source.DefaultSourceLocator;
import io.runserverplus.core.source.SourceLocator;
import io.runserverplus.core.source.SourceRoots;
import io.runserverplus.core.terminal.Terminal;
import io.runserverplus.core.traceback.TracebackSettings;

/**
 * Core's bindings. Replaceable pieces are bound with {@link OptionalBinder#setDefault()} so a user
 * module can swap one with {@code OptionalBinder.newOptionalBinder(binder(), X.class).setBinding()};
 * everything else is a just-in-time binding of an {@code @Singleton} class.
 */
final class CoreModule extends AbstractModule {

    private final TracebackSettings tracebackSettings;
    private final Terminal terminal;
    private final SecuritySettings securitySettings;
    private final ConsoleSettings consoleSettings;

    CoreModule(TracebackSettings tracebackSettings, Terminal terminal, SecuritySettings securitySettings,
               ConsoleSettings consoleSettings) {
        this.tracebackSettings = tracebackSettings;
        this.terminal = terminal;
        this.securitySettings = securitySettings;
        this.consoleSettings = consoleSettings;
    }

    @Override
    protected void configure() {
        bind(TracebackSettings.class).toInstance(tracebackSettings);
        bind(SourceRoots.class).toInstance(new SourceRoots(tracebackSettings.sourceRoots()));
        bind(Terminal.class).toInstance(terminal);
        bind(SecuritySettings.class).toInstance(securitySettings);
        bind(ConsoleSettings.class).toInstance(consoleSettings);
        bind(TrustedHosts.class).toInstance(new TrustedHosts(securitySettings.trustedHosts(), securitySettings.bindHost()));
        OptionalBinder.newOptionalBinder(binder(), SourceLocator.class).setDefault().to(DefaultSourceLocator.class);
    }
}
