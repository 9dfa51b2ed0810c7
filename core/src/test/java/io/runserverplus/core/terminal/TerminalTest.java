package io.runserverplus.core.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TerminalTest {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final RecordingLogger logger = new RecordingLogger();

    @Test
    void withoutALoggingBackendLinesArePrintedOnTheConsole() {
        Terminal terminal = new Terminal(new PrintStream(console, true, StandardCharsets.UTF_8), false, Optional.empty());

        terminal.println(" * Running on http://127.0.0.1:8000");
        terminal.printLines(List.of("line one", "line two"));

        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo(" * Running on http://127.0.0.1:8000\nline one\nline two\n"
                .replace("\n", System.lineSeparator()));
    }

    @Test
    void withALoggingBackendLinesGoToTheRunserverplusLoggerOnly() {
        Terminal terminal = new Terminal(new PrintStream(console, true, StandardCharsets.UTF_8), true, Optional.of(logger));

        terminal.println(" * Running on http://127.0.0.1:8000");
        terminal.printLines(List.of("127.0.0.1 - - [24/Nov/2026 10:00:00] \"GET / HTTP/1.1\" 200 2"));

        assertThat(console.size()).isZero();
        assertThat(logger.messages).containsExactly(" * Running on http://127.0.0.1:8000",
                "127.0.0.1 - - [24/Nov/2026 10:00:00] \"GET / HTTP/1.1\" 200 2");
        assertThat(terminal.style("1;31", "no colour in logs")).isEqualTo("no colour in logs");
    }

    @Test
    void lineThatMustBeSeenArePrintedEvenWhenLoggingIsSetUp() {
        Terminal terminal = new Terminal(new PrintStream(console, true, StandardCharsets.UTF_8), false, Optional.of(logger));

        terminal.printAlways(" * Debugger PIN: 123-456-789");

        assertThat(console.toString(StandardCharsets.UTF_8)).contains(" * Debugger PIN: 123-456-789");
        assertThat(logger.messages).containsExactly(" * Debugger PIN: 123-456-789");
    }

    @Test
    void coloursWrapTextOnlyWhenOn() {
        assertThat(new Terminal(System.out, true).style("33", "404")).isEqualTo("\u001b[33m404\u001b[0m");
        assertThat(new Terminal(System.out, false).style("33", "404")).isEqualTo("404");
    }

    private static final class RecordingLogger implements System.Logger {
        final List<String> messages = new ArrayList<>();

        @Override
        public String getName() {
            return "runserverplus";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            messages.add(message);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            messages.add(format);
        }

        @Override
        public void log(Level level, Supplier<String> message) {
            messages.add(message.get());
        }
    }
}
