package io.runserverplus.core.server;

import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * What an adapter module binds: starts its framework's server with the debugger wired in. The
 * adapter routes {@code /__debugger__/} requests and failures to
 * {@link io.runserverplus.core.debugger.DebuggerEndpoint} and reports each request to
 * {@link RequestLog}.
 */
public interface ServerAdapter {

    /**
     * Starts serving; returns once the server accepts connections.
     *
     * @param address where to listen
     * @param tls     when present, serve HTTPS only, with this context's key and certificate
     * @throws Exception whatever the framework throws when it cannot start (e.g. address in use)
     */
    AdapterServer start(ServerAddress address, Optional<SSLContext> tls) throws Exception;
}
