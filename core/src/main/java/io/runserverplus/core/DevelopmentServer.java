package io.runserverplus.core;

import io.runserverplus.core.console.ConsoleSupport;
import io.runserverplus.core.requestlog.RequestLog;
import io.runserverplus.spi.AppServer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link RunningServer} that {@link RunServerPlus.Builder#start()} returns: the app's
 * {@link AppServer}, the request log and the console, stopped together.
 */
final class DevelopmentServer implements RunningServer {

    private final AppServer server;
    private final RequestLog requestLog;
    private final ConsoleSupport console;
    private final String url;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private final Thread shutdownHook = Thread.ofPlatform().name("runserverplus-shutdown").unstarted(this::stop);

    DevelopmentServer(AppServer server, RequestLog requestLog, ConsoleSupport console, String url) {
        this.server = server;
        this.requestLog = requestLog;
        this.console = console;
        this.url = url;
        // Ctrl+C, or the supervisor's SIGTERM before a restart: finish requests in flight and
        // print the request lines still queued.
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            server.stop();
            requestLog.close();
            console.close();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already running its hooks (this may be one of them)
            }
        }
    }
}
