package io.runserverplus.core.server;

/**
 * Where to listen.
 *
 * @param host a host name or IP literal without brackets, e.g. {@code 127.0.0.1} or {@code ::1}
 * @param port 0 to 65535; 0 picks any free port
 */
public record ServerAddress(String host, int port) {

    /** The host as it appears in a URL: IPv6 literals in brackets. */
    public String urlHost() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** The host to put in a browser: a wildcard address means this machine's loopback. */
    public String browsableHost() {
        return switch (host) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "0:0:0:0:0:0:0:0" -> "[::1]";
            default -> urlHost();
        };
    }
}
