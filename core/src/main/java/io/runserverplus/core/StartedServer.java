package io.runserverplus.core;

import io.runserverplus.core.server.AdapterServer;
import io.runserverplus.core.server.RequestLog;
import java.util.concurrent.atomic.AtomicBoolean;

/** The handle {@link RunServerPlus.Builder#start()} returns. */
final class StartedServer implements RunningServer {

    private final AdapterServer server;
    private final RequestLog requestLog;
    private final String url;
    private final AtomicBoolean stopped = new AtomicBoolean();

    StartedServer(AdapterServer server, RequestLog requestLog, String url) {
        this.server = server;
        this.requestLog = requestLog;
        this.url = url;
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
        }
    }
}
