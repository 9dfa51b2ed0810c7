package io.runserverplus.core.security;

import io.runserverplus.spi.DebugRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which {@code Host} headers may drive the debugger. A page on evil.example can make a browser
 * send requests to 127.0.0.1 by pointing its own name there (DNS rebinding); those requests carry
 * {@code Host: evil.example}, so only loopback names, the bind host and names the user listed are
 * trusted (Werkzeug's fix for CVE-2024-34069). An entry starting with a dot trusts its subdomains.
 */
public final class TrustedHosts {

    private final Set<String> exact = new HashSet<>(List.of("localhost", "127.0.0.1", "::1"));
    private final List<String> suffixes;

    /**
     * @param configured names from {@code --trusted-host} and its other spellings
     * @param bindHost   the address the server listens on, trusted unless it is a wildcard
     */
    public TrustedHosts(List<String> configured, String bindHost) {
        List<String> normalized = configured.stream().map(TrustedHosts::normalize).toList();
        normalized.stream().filter(host -> !host.startsWith(".")).forEach(exact::add);
        suffixes = normalized.stream().filter(host -> host.startsWith(".")).toList();
        String bind = normalize(bindHost);
        if (!isWildcard(bind)) {
            exact.add(bind);
        }
    }

    /** The verdict on a request's Host header. */
    public Verdict check(DebugRequest request) {
        return check(request.header("Host"));
    }

    /** The verdict on a raw {@code Host} header value, for a page served outside the debugger (the supervisor's). */
    public Verdict check(Optional<String> header) {
        if (header.isEmpty() || header.get().isBlank()) {
            return new Verdict(Kind.MISSING, "");
        }
        Optional<String> host = HostSyntax.hostOf(header.get());
        if (host.isEmpty()) {
            return new Verdict(Kind.MALFORMED, header.get());
        }
        return new Verdict(isTrusted(host.get()) ? Kind.TRUSTED : Kind.UNTRUSTED, host.get());
    }

    private boolean isTrusted(String host) {
        if (exact.contains(host) || host.endsWith(".localhost")) {
            return true;
        }
        for (String suffix : suffixes) {
            if (host.endsWith(suffix) || host.equals(suffix.substring(1))) {
                return true;
            }
        }
        return false;
    }

    private static String normalize(String host) {
        String value = host.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
    }

    private static boolean isWildcard(String host) {
        return host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0");
    }

    public enum Kind { TRUSTED, UNTRUSTED, MALFORMED, MISSING }

    /**
     * @param kind what was found
     * @param host the host as read (without port), or the raw header when malformed, or empty
     */
    public record Verdict(Kind kind, String host) {

        public boolean trusted() {
            return kind == Kind.TRUSTED;
        }

        /** Why the console is off, in one sentence a person can act on. */
        public String consoleDisabledReason() {
            return switch (kind) {
                case TRUSTED -> "";
                case UNTRUSTED -> "The console is disabled because this page was requested as host " + host
                        + ", which is not trusted; add it with --trusted-host " + host + ".";
                case MALFORMED -> "The console is disabled because this page was requested with the Host header \""
                        + host + "\", which is not a valid host name.";
                case MISSING -> "The console is disabled because this page was requested without a Host header.";
            };
        }

        /** The 400 answer's text for a debugger command. */
        public String refusal() {
            return switch (kind) {
                case TRUSTED -> "";
                case UNTRUSTED -> "The debugger does not answer requests for host " + host
                        + ", which is not trusted; add it with --trusted-host " + host + ".\n";
                case MALFORMED -> "The debugger does not answer requests whose Host header is not a valid host name.\n";
                case MISSING -> "The debugger does not answer requests without a Host header.\n";
            };
        }
    }
}
