package io.runserverplus.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.core.settings.DebugPin;
import io.runserverplus.core.terminal.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DebuggerAnnouncementTest {

    @Test
    void aPinOnLoopbackIsTwoLines() {
        assertThat(announce(DebugPin.parse("123456789"), "127.0.0.1", Optional.empty()))
                .isEqualTo(" * Debugger is active!\n * Debugger PIN: 123-456-789\n");
    }

    @Test
    void theConsolesAddressIsNamedNextToThePin() {
        assertThat(announce(DebugPin.parse("123456789"), "127.0.0.1", Optional.of("http://127.0.0.1:8000/console")))
                .isEqualTo(" * Debugger is active!\n * Debugger PIN: 123-456-789 (console: http://127.0.0.1:8000/console)\n");
    }

    @Test
    void withoutAPinTheConsolesAddressHasALineOfItsOwn() {
        assertThat(announce(DebugPin.disabled(), "127.0.0.1", Optional.of("http://127.0.0.1:8000/console")))
                .endsWith(" * Debugger console: http://127.0.0.1:8000/console\n");
    }

    @Test
    void listeningOnTheNetworkWithoutAPinGetsBothWarnings() {
        assertThat(announce(DebugPin.disabled(), "0.0.0.0", Optional.empty())).isEqualTo(" * Debugger is active!\n"
                + " * WARNING: the debugger PIN is off; anyone who can reach this port can run code in your app's JVM.\n"
                + " * WARNING: listening on 0.0.0.0, so the debugger console is reachable from the network and protected"
                + " only by the PIN.\n");
    }

    private static String announce(DebugPin pin, String bindHost, Optional<String> consoleUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8), false);
        SecuritySettings settings = new SecuritySettings(pin, List.of(), bindHost, Optional.empty(), "TestApp");
        new DebuggerAnnouncement(terminal, new PinGuard(settings), settings).print(consoleUrl);
        return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
