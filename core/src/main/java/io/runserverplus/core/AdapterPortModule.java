package io.runserverplus.core;

import com.google.inject.AbstractModule;
import io.runserverplus.core.debugger.DebuggerEndpoint;
import io.runserverplus.core.requestlog.RequestLog;
import io.runserverplus.spi.Debugger;
import io.runserverplus.spi.RequestLogSink;
import io.runserverplus.spi.ServerStarter;
import io.runserverplus.spi.WebApp;

/**
 * The adapter port's bindings: the app's {@link ServerStarter}, and core's implementations of what
 * an adapter gets. Adapters know no Guice; a user module given to {@code modules(...)} can still
 * replace any of these.
 */
final class AdapterPortModule extends AbstractModule {

    private final WebApp app;

    AdapterPortModule(WebApp app) {
        this.app = app;
    }

    @Override
    protected void configure() {
        bind(ServerStarter.class).toInstance(app.serverStarter());
        bind(Debugger.class).to(DebuggerEndpoint.class);
        bind(RequestLogSink.class).to(RequestLog.class);
    }
}
