package io.runserverplus.core.security;

import io.runserverplus.spi.DebugRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * What the browser's {@code Sec-Fetch-Site} header says about who sent a debugger command. A page
 * of another site is refused outright. So is a page of the same site on another port: for a
 * browser every port of localhost is the same site (cookies ignore ports), so any other local
 * server's page would pass a SameSite check; its Origin (or Referer) names the port it came from.
 * Clients that send no such header (curl, tests, old browsers) are judged by the other guards.
 */
public final class FetchSite {

    private FetchSite() {
    }

    /** Empty when the request may be a command; else the 403 answer's text. */
    public static Optional<String> refusal(DebugRequest request) {
        String site = request.header("Sec-Fetch-Site").map(value -> value.strip().toLowerCase(Locale.ROOT)).orElse("");
        if (site.equals("cross-site")) {
            return Optional.of("The debugger refuses commands sent by a page of another site (Sec-Fetch-Site: cross-site);"
                    + " use the debugger's own page on this server.\n");
        }
        if (site.equals("same-site")) {
            int own = HostSyntax.portOf(request.header("Host").orElse(""), request.secure() ? 443 : 80);
            Optional<String> sender = request.header("Origin").filter(origin -> !origin.equals("null"))
                    .or(() -> request.header("Referer"));
            int senderPort = sender.map(FetchSite::portOf).orElse(-1);
            if (own < 0 || senderPort != own) {
                return Optional.of("The debugger refuses commands sent by a page on another port of this host"
                        + " (Sec-Fetch-Site: same-site, from " + sender.map(FetchSite::origin).orElse("an unnamed page")
                        + "); use the debugger's own page on port " + own + ".\n");
            }
        }
        return Optional.empty();
    }

    /** The port of an Origin or Referer URL, its scheme's default when it names none; -1 when unreadable. */
    private static int portOf(String url) {
        try {
            URI uri = new URI(url.strip());
            if (uri.getPort() >= 0) {
                return uri.getPort();
            }
            return switch (String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT)) {
                case "http" -> 80;
                case "https" -> 443;
                default -> -1;
            };
        } catch (java.net.URISyntaxException unreadable) {
            return -1;
        }
    }

    /** Scheme, host and port only: a Referer's path and query are not repeated in the answer. */
    private static String origin(String url) {
        try {
            URI uri = new URI(url.strip());
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (java.net.URISyntaxException unreadable) {
            return "an unreadable address";
        }
    }
}
