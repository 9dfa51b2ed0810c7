package io.runserverplus.core.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;

/**
 * The names a generated certificate is valid for. Browsers ignore the CN and check only the
 * SubjectAltName, and users open {@code localhost}, {@code 127.0.0.1} or {@code [::1]} whatever the
 * bind host is (werkzeug #2891, #2158), so all three are always in, plus the bind host itself.
 */
final class SubjectAltNames {

    static final String LOCALHOST = "localhost";

    private SubjectAltNames() {
    }

    static GeneralNames forHost(String bindHost) {
        Set<GeneralName> names = new LinkedHashSet<>(); // GeneralName equality is by encoding: no duplicates
        names.add(new GeneralName(GeneralName.dNSName, LOCALHOST));
        names.add(ip("127.0.0.1").orElseThrow());
        names.add(ip("::1").orElseThrow());
        specificHost(bindHost).ifPresent(host -> names.add(
                ip(host).orElseGet(() -> new GeneralName(GeneralName.dNSName, host))));
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    /** The bind host as a DNS name for the CN, when it is one; otherwise {@code localhost}. */
    static String commonName(String bindHost) {
        // X.520 limits a CN to 64 characters; a longer host name is still in the SubjectAltName.
        return specificHost(bindHost).filter(host -> ip(host).isEmpty() && host.length() <= 64).orElse(LOCALHOST);
    }

    /**
     * The host normalized (no brackets, zone or trailing dot, lower case); empty for none and for
     * wildcard addresses, which no client can connect to by that name.
     */
    private static Optional<String> specificHost(String bindHost) {
        if (bindHost == null || bindHost.isBlank()) {
            return Optional.empty();
        }
        String host = bindHost.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int zone = host.indexOf('%');
        if (zone >= 0) {
            host = host.substring(0, zone);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        boolean wildcard = host.isEmpty() || host.contains("*") || IPAddress.isValid(host) && isAnyLocal(host);
        return wildcard ? Optional.empty() : Optional.of(host);
    }

    /** An IP address name from a literal; nothing for anything else (no DNS look-up ever happens). */
    private static Optional<GeneralName> ip(String host) {
        if (!IPAddress.isValid(host)) {
            return Optional.empty();
        }
        return Optional.of(new GeneralName(GeneralName.iPAddress, new DEROctetString(literal(host).getAddress())));
    }

    private static boolean isAnyLocal(String host) {
        return literal(host).isAnyLocalAddress();
    }

    private static InetAddress literal(String host) {
        try {
            return InetAddress.getByName(host); // a valid literal: parsed, never resolved
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("not an IP literal: " + host, impossible);
        }
    }
}
