package io.runserverplus.spi;

import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Where and how an adapter's server listens, and what core gives it to wire in.
 *
 * @param host       a host name or IP literal without brackets, e.g. {@code 127.0.0.1} or {@code ::1}
 * @param port       0 to 65535; 0 picks any free port
 * @param tls        when present, serve HTTPS only, with this context's key and certificate
 * @param debugger   answers failures, debugger commands and the console page
 * @param requestLog takes one line per finished request
 */
public record ServerSetup(String host, int port, Optional<SSLContext> tls, Debugger debugger,
                          RequestLogSink requestLog) {
}
