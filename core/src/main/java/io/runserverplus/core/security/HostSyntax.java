package io.runserverplus.core.security;

import io.runserverplus.core.settings.HostNames;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a {@code Host} header strictly: a name or IPv4 address, or an IPv6 address in brackets,
 * then optionally {@code :port} (1-65535), nothing else. Anything odd ({@code localhost:1@evil},
 * spaces, an empty value) is not a host at all, so it can never be taken for a trusted one.
 * Hand-written rather than a regular expression because it runs before every debugger command.
 */
public final class HostSyntax {
    private HostSyntax() {
    }

    /** The host part, lower-cased, without brackets, port or trailing dot; empty when malformed. */
    public static Optional<String> hostOf(String header) {
        String value = header.strip();
        if (value.isEmpty() || value.length() > 260) {
            return Optional.empty();
        }
        String host;
        String rest;
        if (value.charAt(0) == '[') {
            int close = value.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = value.substring(1, close);
            rest = value.substring(close + 1);
            if (!HostNames.isIpv6(host)) {
                return Optional.empty();
            }
        } else if (value.indexOf(':') != value.lastIndexOf(':')) {
            // A bare IPv6 literal (e.g. ::1) cannot carry a port, so all of it is the host.
            host = value;
            rest = "";
            if (!HostNames.isIpv6(host)) {
                return Optional.empty();
            }
        } else {
            int colon = value.indexOf(':');
            host = colon < 0 ? value : value.substring(0, colon);
            rest = colon < 0 ? "" : value.substring(colon);
            if (!HostNames.isName(host)) {
                return Optional.empty();
            }
        }
        if (!rest.isEmpty() && !isPort(rest.substring(1))) {
            return Optional.empty();
        }
        host = host.toLowerCase(Locale.ROOT);
        return Optional.of(host.endsWith(".") ? host.substring(0, host.length() - 1) : host);
    }

    /** The port of a valid {@code Host} header, {@code defaultPort} when it names none; -1 when malformed. */
    public static int portOf(String header, int defaultPort) {
        if (hostOf(header).isEmpty()) {
            return -1;
        }
        String value = header.strip();
        int close = value.lastIndexOf(']');
        int colon = value.lastIndexOf(':');
        boolean bareIpv6 = close < 0 && value.indexOf(':') != colon;
        if (colon < 0 || colon < close || bareIpv6) {
            return defaultPort;
        }
        return Integer.parseInt(value.substring(colon + 1));
    }

    /**
     * The authority of an absolute-form request target ({@code http://host:port/path}), for an
     * adapter whose framework routes such a target by its path: the whole target when it has no
     * {@code scheme://}, so that {@link #hostOf} finds no host in it.
     */
    public static String authorityOfTarget(String target) {
        int scheme = target.indexOf("://");
        if (scheme < 0) {
            return target;
        }
        int start = scheme + 3;
        int end = start;
        while (end < target.length() && "/?#".indexOf(target.charAt(end)) < 0) {
            end++;
        }
        return target.substring(start, end);
    }

    /** Whether the text is a host name, IPv4 address or IPv6 literal (a configured trusted host). */
    public static boolean isHost(String text) {
        return HostNames.isHost(text);
    }

    private static boolean isPort(String text) {
        if (text.isEmpty() || text.length() > 5) {
            return false;
        }
        int port = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port >= 1 && port <= 65535;
    }
}
