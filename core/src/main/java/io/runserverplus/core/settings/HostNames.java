package io.runserverplus.core.settings;

/**
 * The syntax of a host name, IPv4 address or IPv6 literal, without a port: what {@code --trusted-host}
 * accepts and what {@code HostSyntax} finds in a {@code Host} header. Hand-written rather than a
 * regular expression because it runs before every debugger command.
 */
public final class HostNames {
    private HostNames() {
    }

    /** Whether the text is a host name, IPv4 address or IPv6 literal (a configured trusted host). */
    public static boolean isHost(String text) {
        return isName(text) || isIpv6(text) || (text.startsWith("[") && text.endsWith("]")
                && isIpv6(text.substring(1, text.length() - 1)));
    }

    public static boolean isName(String text) {
        if (text.isEmpty() || text.length() > 253) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    public static boolean isIpv6(String text) {
        if (text.length() < 2 || text.length() > 45 || text.indexOf(':') < 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                    || c == ':' || c == '.';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
