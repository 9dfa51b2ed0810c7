package io.runserverplus.core.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.core.terminal.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        assertThat(RequestLineFormat.ansiFor(101)).isEqualTo("1");
        assertThat(RequestLineFormat.ansiFor(200)).isEmpty();
        assertThat(RequestLineFormat.ansiFor(304)).isEqualTo("36");
        assertThat(RequestLineFormat.ansiFor(302)).isEqualTo("32");
        assertThat(RequestLineFormat.ansiFor(404)).isEqualTo("33");
        assertThat(RequestLineFormat.ansiFor(403)).isEqualTo("1;31");
        assertThat(RequestLineFormat.ansiFor(500)).isEqualTo("1;35");
    }

    @Test
    void colourIsOnlyUsedOnATerminal() throws Exception {
        Requests notFound = log -> log.log("127.0.0.1", "GET", "/missing", "HTTP/1.1", 404, 9);
        String plain = printed(StandardCharsets.UTF_8, false, notFound);
        String coloured = printed(StandardCharsets.UTF_8, true, notFound);

        assertThat(plain).contains("\"GET /missing HTTP/1.1\" 404 9").doesNotContain("\u001b");
        assertThat(coloured).startsWith("\u001b[33m127.0.0.1 - - [").contains("404 9\u001b[0m");
    }

    @Test
    void linesArePrintedInTheOrderRequestsFinishedWithoutLosingAny() throws Exception {
        int threads = 4;
        int perThread = (PendingRequestLines.SLOTS - 1) / threads;
        List<String> lines = printed(StandardCharsets.UTF_8, false, log -> {
            List<Thread> started = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String path = "/thread-" + t + "/";
                started.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < perThread; i++) {
                        log.log("127.0.0.1", "GET", path + i, "HTTP/1.1", 200, i);
                    }
                }));
            }
            for (Thread thread : started) {
                thread.join();
            }
        }).lines().toList();

        assertThat(lines).hasSize(threads * perThread);
        int[] next = new int[threads];
        Pattern line = Pattern.compile("127\\.0\\.0\\.1 - - \\[\\d{2}/\\w{3}/\\d{4} \\d{2}:\\d{2}:\\d{2}] "
                + "\"GET /thread-(\\d)/(\\d+) HTTP/1\\.1\" 200 (\\d+)");
        for (String printed : lines) {
            Matcher matcher = line.matcher(printed);
            assertThat(matcher.matches()).as(printed).isTrue();
            int thread = Integer.parseInt(matcher.group(1));
            assertThat(Integer.parseInt(matcher.group(2))).as("each thread's lines in order").isEqualTo(next[thread]);
            assertThat(matcher.group(3)).isEqualTo(matcher.group(2));
            next[thread]++;
        }
    }

    @Test
    void whenRequestsComeFasterThanTheConsoleLinesDroppedAreCounted() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // A console stuck in its first write until every request was logged: the ring fills up
        // while it prints, on any machine.
        java.util.concurrent.CountDownLatch allLogged = new java.util.concurrent.CountDownLatch(1);
        PrintStream slowConsole = new PrintStream(out, true, StandardCharsets.UTF_8) {
            @Override
            public void flush() {
                super.flush();
                try {
                    allLogged.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        int logged = 5 * PendingRequestLines.SLOTS;
        try (RequestLog log = new RequestLog(new Terminal(slowConsole, false))) {
            for (int i = 0; i < logged; i++) {
                log.log("127.0.0.1", "GET", "/" + i, "HTTP/1.1", 200, 2);
            }
            allLogged.countDown();
        }

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        Pattern note = Pattern.compile("\\((\\d+) request lines were not printed: .*\\)");
        long dropped = 0;
        int previous = -1;
        for (String printed : lines) {
            Matcher matcher = note.matcher(printed);
            if (matcher.matches()) {
                dropped += Long.parseLong(matcher.group(1));
            } else {
                int number = Integer.parseInt(printed.replaceAll(".*\"GET /(\\d+) .*", "$1"));
                assertThat(number).isGreaterThan(previous);
                previous = number;
            }
        }
        assertThat(dropped).isPositive();
        assertThat(lines.size() - lines.stream().filter(l -> note.matcher(l).matches()).count() + dropped)
                .isEqualTo(logged);
    }

    @Test
    void aLineLongerThanASlotIsPrintedWhole() throws Exception {
        String target = "/search?q=" + "x".repeat(400) + "\u001b[2J";
        List<String> lines = printed(StandardCharsets.UTF_8, false, log -> {
            log.log("127.0.0.1", "GET", target, "HTTP/1.1", 200, 12);
            log.log("127.0.0.1", "GET", "/after", "HTTP/1.1", 200, 2);
        }).lines().toList();

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).endsWith("\"GET /search?q=" + "x".repeat(400)
                + "\\x1b[2J HTTP/1.1\" 200 12");
        assertThat(lines.get(1)).endsWith("\"GET /after HTTP/1.1\" 200 2");
    }

    @Test
    void controlCharactersAreEscapedOnTheWayToTheConsoleToo() throws Exception {
        String printed = printed(StandardCharsets.UTF_8, false,
                log -> log.log("127.0.0.1", "GET", "/\u001b[2J\r\nfake 200", "HTTP/1.1", 400, 0));

        assertThat(printed)
                .isEqualTo("127.0.0.1 - - [" + printed.substring(15, 35)
                        + "] \"GET /\\x1b[2J\\x0d\\x0afake 200 HTTP/1.1\" 400 0" + System.lineSeparator());
    }

    @Test
    void charactersBeyondAsciiReachTheConsoleInItsCharset() throws Exception {
        Requests cafe = log -> log.log("127.0.0.1", "GET", "/caf\u00e9", "HTTP/1.1", 200, 2);

        assertThat(printed(StandardCharsets.UTF_8, false, cafe)).contains("\"GET /caf\u00e9 HTTP/1.1\" 200 2");
        assertThat(printed(StandardCharsets.ISO_8859_1, false, cafe)).contains("\"GET /caf\u00e9 HTTP/1.1\" 200 2");
    }

    @Test
    void withALoggingBackendEachLineIsOneMessage() throws Exception {
        List<String> messages = java.util.Collections.synchronizedList(new ArrayList<>());
        System.Logger logger = new System.Logger() {
            @Override
            public String getName() {
                return Terminal.LOGGER_NAME;
            }

            @Override
            public boolean isLoggable(Level level) {
                return true;
            }

            @Override
            public void log(Level level, java.util.ResourceBundle bundle, String message, Throwable thrown) {
                messages.add(message);
            }

            @Override
            public void log(Level level, java.util.ResourceBundle bundle, String format, Object... params) {
                messages.add(format);
            }
        };
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (RequestLog log = new RequestLog(new Terminal(new PrintStream(console, true, StandardCharsets.UTF_8), true,
                java.util.Optional.of(logger)))) {
            log.log("127.0.0.1", "GET", "/ok", "HTTP/1.1", 200, 2);
            log.log("127.0.0.1", "GET", "/\u001b[2J", "HTTP/1.1", 404, 9);
        }

        assertThat(console.size()).isZero();
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0)).endsWith("\"GET /ok HTTP/1.1\" 200 2").doesNotContain("\u001b");
        assertThat(messages.get(1)).endsWith("\"GET /\\x1b[2J HTTP/1.1\" 404 9").doesNotContain("\u001b");
    }

    /** Requests reported to a request log. */
    private interface Requests {
        void sendTo(RequestLog log) throws Exception;
    }

    /** What a request log prints on a console with this charset, with or without colours, once closed. */
    private static String printed(Charset charset, boolean colors, Requests requests) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RequestLog log = new RequestLog(new Terminal(new PrintStream(out, true, charset), colors))) {
            requests.sendTo(log);
        }
        return out.toString(charset);
    }

    @Test
    void withoutRequestsItsThreadsSleepUntilTheNextOneWhichIsStillPrintedWithTheCurrentTime() throws Exception {
        var console = new ByteArrayOutputStream();
        try (RequestLog log = new RequestLog(new Terminal(new PrintStream(console, true, StandardCharsets.UTF_8), false))) {
            log.log("127.0.0.1", "GET", "/first", "HTTP/1.1", 200, 1);
            // An idle app: no thread of ours waits with a timeout (each would wake the CPU periodically).
            awaitParkedWithoutTimeout("runserverplus-request-log");
            awaitParkedWithoutTimeout("runserverplus-request-log-clock");
            Thread.sleep(1_100); // a second passes while both sleep

            String before = RequestLineFormat.TIME.format(LocalDateTime.now());
            log.log("127.0.0.1", "GET", "/second", "HTTP/1.1", 200, 2);
            String after = RequestLineFormat.TIME.format(LocalDateTime.now());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!console.toString(StandardCharsets.UTF_8).contains("/second") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            String second = console.toString(StandardCharsets.UTF_8).lines()
                    .filter(l -> l.contains("/second")).findFirst().orElseThrow();
            assertThat(second.substring(second.indexOf('[') + 1, second.indexOf(']'))).isIn(before, after);
        }
    }

    private static void awaitParkedWithoutTimeout(String name) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        Thread.State state = null;
        while (System.nanoTime() < deadline) {
            state = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name))
                    .map(Thread::getState).findFirst().orElse(null);
            if (state == Thread.State.WAITING) {
                return;
            }
            Thread.sleep(20);
        }
        assertThat(state).as(name + " sleeps until a request comes").isEqualTo(Thread.State.WAITING);
    }
}
