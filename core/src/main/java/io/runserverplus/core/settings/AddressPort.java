package io.runserverplus.core.settings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * runserver_plus's {@code [addrport]}, parsed: {@code 8000}, {@code 0.0.0.0:8000},
 * {@code localhost:8000}, {@code [::1]:8000}, or a host name with a port. The start sequence hands
 * it to the adapter as the server's address; settings name no server type, so they stay below it.
 *
 * @param host a host name or IP literal without brackets, e.g. {@code 127.0.0.1} or {@code ::1}
 * @param port 0 to 65535; 0 picks any free port
 */
public record AddressPort(String host, int port) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;

    private static final Pattern PORT = Pattern.compile("\\d{1,5}");
    private static final Pattern BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.%a-zA-Z]+)]:(.*)");
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    /** The host as it appears in a URL: IPv6 literals in brackets. */
    public String urlHost() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Parses the text; a bare port keeps {@code defaultHost}. */
    public static AddressPort parse(String text, String defaultHost) {
        String value = text.strip();
        if (PORT.matcher(value).matches()) {
            return new AddressPort(defaultHost, port(value, text));
        }
        Matcher bracketed = BRACKETED.matcher(value);
        if (bracketed.matches()) {
            String host = bracketed.group(1);
            if (!isIpv6(host)) {
                throw new SettingsException("\"" + text + "\" is not a valid IPv6 address; write it like [::1]:8000.");
            }
            return new AddressPort(host, port(bracketed.group(2), text));
        }
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || value.indexOf(':') != colon) {
            throw new SettingsException("\"" + text + "\" is not a valid port number or address:port pair;"
                    + " use e.g. 8000, 127.0.0.1:8000 or [::1]:8000.");
        }
        String host = value.substring(0, colon);
        if (!HOST_NAME.matcher(host).matches()) {
            throw new SettingsException("\"" + host + "\" in \"" + text + "\" is not a valid host name or IPv4 address.");
        }
        return new AddressPort(host, port(value.substring(colon + 1), text));
    }

    /** A host name must resolve before the server tries to bind it, so the message can be ours. */
    public void requireResolvable() {
        try {
            java.net.InetAddress.getByName(host);
        } catch (java.net.UnknownHostException unknown) {
            throw new SettingsException("Host \"" + host + "\" cannot be resolved to an address;"
                    + " use an IP address such as 127.0.0.1 or a name this machine knows, such as localhost.");
        }
    }

    /**
     * Fails with the original's words when another program holds the port. Checked before the
     * framework (or, under the reloader, a child) tries to bind, so the user reads one sentence,
     * not the framework's own error log, and the supervisor does not linger over a port it cannot use.
     */
    public void requirePortFree() {
        if (port == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(host, port));
        } catch (java.net.BindException inUse) {
            throw new PortInUseException(port);
        } catch (java.io.IOException otherProblem) {
            // Anything else (e.g. a permission problem) is reported when the server binds.
        }
    }

    private static int port(String port, String whole) {
        if (!PORT.matcher(port).matches()) {
            throw new SettingsException("\"" + port + "\" in \"" + whole + "\" is not a port number;"
                    + " use a number from 0 to 65535 (0 picks a free port).");
        }
        int number = Integer.parseInt(port);
        if (number > 65535) {
            throw new SettingsException("Port " + number + " is out of range; use a number from 0 to 65535"
                    + " (0 picks a free port).");
        }
        return number;
    }

    private static boolean isIpv6(String host) {
        try {
            return host.contains(":") && java.net.InetAddress.getByName(host) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException malformed) {
            return false;
        }
    }
}
