package io.runserverplus.core.security;

import io.runserverplus.core.terminal.Terminal;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The debugger's start-up lines. Printed with {@link Terminal#printAlways}, even when the banner
 * is off or logging goes elsewhere: users who silence logging must not lose the PIN
 * (django-extensions #787), nor the warnings that say who can reach the console.
 */
@Singleton
public class DebuggerAnnouncement {

    static final String PIN_OFF = "WARNING: the debugger PIN is off; anyone who can reach this port can run code in"
            + " your app's JVM.";

    private final Terminal terminal;
    private final PinGuard guard;
    private final SecuritySettings settings;
    /** The standalone console's address, once the server knows its port: printed with the PIN. */
    private volatile Optional<String> consoleUrl = Optional.empty();

    @Inject
    public DebuggerAnnouncement(Terminal terminal, PinGuard guard, SecuritySettings settings) {
        this.terminal = terminal;
        this.guard = guard;
        this.settings = settings;
    }

    /**
     * Prints the lines; {@code consoleUrl} is where the standalone console is served, if it is, named
     * next to the PIN so that nobody has to learn from the documentation that it exists.
     */
    public void print(Optional<String> consoleUrl) {
        this.consoleUrl = consoleUrl;
        terminal.printAlways(" * Debugger is active!");
        if (guard.pin().isEmpty()) {
            terminal.printAlways(" * " + terminal.style("1;31", PIN_OFF));
            consoleUrl.ifPresent(url -> terminal.printAlways(" * Debugger console: " + url));
        } else {
            printPin();
        }
        if (!isLoopback(settings.bindHost())) {
            terminal.printAlways(" * " + terminal.style("1;31", "WARNING: listening on " + settings.bindHost()
                    + ", so the debugger console is reachable from the network and protected only by the PIN."));
        }
    }

    /**
     * The PIN line, also printed again on {@code POST /__debugger__/printpin}. The supervisor keeps
     * every line naming "Debugger PIN" off its failure page; the console's address goes with it.
     */
    public void printPin() {
        String console = consoleUrl.map(url -> " (console: " + url + ")").orElse("");
        terminal.printAlways(guard.pin().map(pin -> " * Debugger PIN: " + pin + console).orElse(" * Debugger PIN: off"));
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException unknown) {
            return false;
        }
    }
}
