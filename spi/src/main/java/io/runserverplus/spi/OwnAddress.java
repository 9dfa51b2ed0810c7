package io.runserverplus.spi;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where the app's own server settings say to listen (Javalin's {@code config.jetty.port}, a Helidon
 * {@code WebServerConfig}'s port, a Jetty {@code Server}'s connector). Core listens there when no
 * RunServerPlus setting names an address, and otherwise names it in one warning line.
 *
 * @param host    the host the app set, if it set one
 * @param port    the port the app set, if it set one
 * @param setting where the app set it, in the framework's terms, e.g. {@code config.jetty.port}
 */
public record OwnAddress(Optional<String> host, OptionalInt port, String setting) {

    /** The app's own address when it set a host or a port; empty when it left both to RunServerPlus. */
    public static Optional<OwnAddress> of(Optional<String> host, OptionalInt port, String setting) {
        return host.isEmpty() && port.isEmpty() ? Optional.empty() : Optional.of(new OwnAddress(host, port, setting));
    }
}
