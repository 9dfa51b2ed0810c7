package io.runserverplus.core.security;

import io.runserverplus.core.terminal.Terminal;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;

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

    @Inject
    public DebuggerAnnouncement(Terminal terminal, PinGuard guard, SecuritySettings settings) {
        this.terminal = terminal;
        this.guard = guard;
        this.settings = settings;
    }

    public void print() {
        terminal.printAlways(" * Debugger is active!");
        if (guard.pin().isEmpty()) {
            terminal.printAlways(" * " + terminal.style("1;31", PIN_OFF));
        } else {
            printPin();
        }
        if (!isLoopback(settings.bindHost())) {
            terminal.printAlways(" * " + terminal.style("1;31", "WARNING: listening on " + settings.bindHost()
                    + ", so the debugger console is reachable from the network and protected only by the PIN."));
        }
    }

    /** The PIN line, also printed again on {@code POST /__debugger__/printpin}. */
    public void printPin() {
        terminal.printAlways(guard.pin().map(pin -> " * Debugger PIN: " + pin).orElse(" * Debugger PIN: off"));
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException unknown) {
            return false;
        }
    }
}
