package io.runserverplus.core.security;

import io.runserverplus.core.settings.DebugPin;
import java.util.List;
import java.util.Optional;

/**
 * What the debugger's guards need from one start.
 *
 * @param pin          generated, fixed or off
 * @param trustedHosts extra host names from {@code --trusted-host}
 * @param bindHost     the address the server listens on
 * @param mainClass    the class whose {@code main} started the program, if known
 * @param application  the web app's class name (the PIN's "app name" bit)
 */
public record SecuritySettings(DebugPin pin, List<String> trustedHosts, String bindHost, Optional<String> mainClass,
                               String application) {

    public SecuritySettings {
        trustedHosts = List.copyOf(trustedHosts);
    }
}
