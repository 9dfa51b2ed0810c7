package io.runserverplus.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    private static final LocalDateTime TIME = LocalDateTime.of(2026, 11, 24, 10, 0, 0);

    @Test
    void linesFollowWerkzeugsFormat() {
        String line = RequestLog.format(new RequestLog.Entry("127.0.0.1", "GET", "/path?q=1", "HTTP/1.1", 200, 1234, TIME));

        assertThat(line).isEqualTo("127.0.0.1 - - [24/Nov/2026 10:00:00] \"GET /path?q=1 HTTP/1.1\" 200 1234");
    }

    @Test
    void anUnknownSizeIsADash() {
        String line = RequestLog.format(new RequestLog.Entry("::1", "HEAD", "/", "HTTP/2.0", 304, -1, TIME));

        assertThat(line).endsWith("\"HEAD / HTTP/2.0\" 304 -");
    }

    @Test
    void controlCharactersFromAHostileRequestNeverReachTheTerminal() {
        String line = RequestLog.format(new RequestLog.Entry("127.0.0.1", "GET", "/\u001b[2J\r\nfake 200", "HTTP/1.1", 400, 0, TIME));

        assertThat(line).contains("/\\x1b[2J\\x0d\\x0afake 200").doesNotContain("\u001b").doesNotContain("\n");
    }

    @Test
    void statusColoursMatchTheOriginal() {
        assertThat(RequestLog.ansiFor(101)).isEqualTo("1");
        assertThat(RequestLog.ansiFor(200)).isEmpty();
        assertThat(RequestLog.ansiFor(304)).isEqualTo("36");
        assertThat(RequestLog.ansiFor(302)).isEqualTo("32");
        assertThat(RequestLog.ansiFor(404)).isEqualTo("33");
        assertThat(RequestLog.ansiFor(403)).isEqualTo("1;31");
        assertThat(RequestLog.ansiFor(500)).isEqualTo("1;35");
    }

    @Test
    void colourIsOnlyUsedOnATerminal() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ByteArrayOutputStream coloured = new ByteArrayOutputStream();
        try (RequestLog toFile = new RequestLog(new Terminal(new PrintStream(plain, true, StandardCharsets.UTF_8), false));
             RequestLog toTerminal = new RequestLog(new Terminal(new PrintStream(coloured, true, StandardCharsets.UTF_8), true))) {
            toFile.log("127.0.0.1", "GET", "/missing", "HTTP/1.1", 404, 9);
            toTerminal.log("127.0.0.1", "GET", "/missing", "HTTP/1.1", 404, 9);
        }

        assertThat(plain.toString(StandardCharsets.UTF_8)).contains("\"GET /missing HTTP/1.1\" 404 9").doesNotContain("\u001b");
        assertThat(coloured.toString(StandardCharsets.UTF_8)).startsWith("\u001b[33m127.0.0.1 - - [").contains("404 9\u001b[0m");
    }
}
