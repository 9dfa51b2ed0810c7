package io.runserverplus.core.settings;

import io.runserverplus.core.server.ServerAddress;

/**
 * The resolved settings of one start.
 *
 * @param address where to listen
 */
public record Settings(ServerAddress address) {

    /** {@code [addrport]}; a bare port keeps the default host ({@code ::1} with {@code --ipv6}). */
    public static final Setting<String> ADDRPORT = Setting.of("addrport", "RUNSERVERPLUS_SERVER_ADDRESS_PORT",
            text -> {
                AddressPort.parse(text, AddressPort.DEFAULT_HOST); // validate now, with this source's wording
                return text;
            }, null);

    public static final Setting<Boolean> IPV6 = Setting.of("ipv6", null, Boolean::parseBoolean, false);

    /** Resolves every setting from the sources, in their order of precedence. */
    public static Settings resolve(SettingsResolver sources) {
        String defaultHost = sources.resolve(IPV6) ? "::1" : AddressPort.DEFAULT_HOST;
        String addrPort = sources.resolve(ADDRPORT);
        ServerAddress address = addrPort == null
                ? new ServerAddress(defaultHost, AddressPort.DEFAULT_PORT)
                : AddressPort.parse(addrPort, defaultHost);
        return new Settings(address);
    }
}
