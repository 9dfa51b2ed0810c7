package io.runserverplus.core;

import io.runserverplus.core.server.ServerAddress;
import io.runserverplus.core.settings.AddressPort;
import io.runserverplus.spi.OwnAddress;

/**
 * The app's own address (its framework's port and host settings) against RunServerPlus's: the
 * app's is used when no RunServerPlus setting (command line, builder, system property,
 * environment) names an address; otherwise it is named in one warning line, never dropped silently.
 */
final class OwnAddressChoice {
    private OwnAddressChoice() {
    }

    /** The app's address as {@code [addrport]} text; a part it left unset keeps RunServerPlus's default. */
    static String addrPort(OwnAddress own) {
        int port = own.port().orElse(AddressPort.DEFAULT_PORT);
        return own.host().map(host -> (host.contains(":") ? "[" + host + "]" : host) + ":" + port)
                .orElse(String.valueOf(port));
    }

    /** The line saying that the app's own address gives way to the one a RunServerPlus setting names. */
    static String warning(OwnAddress own, ServerAddress used) {
        String set = own.host().map(host -> "host " + host + (own.port().isPresent() ? " and " : "")).orElse("")
                + (own.port().isPresent() ? "port " + own.port().getAsInt() : "");
        return "WARNING: the app's own " + set + " (" + own.setting() + ") is not used: a RunServerPlus setting names "
                + used.urlHost() + ":" + used.port() + "; drop one of the two.";
    }
}
