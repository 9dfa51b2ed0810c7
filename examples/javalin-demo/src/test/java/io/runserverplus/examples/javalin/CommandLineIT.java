package io.runserverplus.examples.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo run as a user runs it, with runserver_plus arguments: messages, exit codes, outputs. */
class CommandLineIT {

    private static final Pattern RUNNING_ON = Pattern.compile(" \\* Running on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "70000                         | Port 70000 is out of range; use a number from 0 to 65535 (0 picks a free port).",
            "nosuchhost.invalid:8000       | Host \"nosuchhost.invalid\" cannot be resolved to an address; use an IP address such as 127.0.0.1 or a name this machine knows, such as localhost.",
            "[::zz]:8000                   | \"[::zz]:8000\" is not a valid IPv6 address; write it like [::1]:8000.",
            "--reloader-interval=-1        | The reloader interval must be more than 0 seconds, not -1; use a positive number such as 1 or 0.5.",
            "--reloader-interval=0         | The reloader interval must be more than 0 seconds, not 0; use a positive number such as 1 or 0.5.",
            "--reloader-type=inotify       | Unknown reloader type 'inotify'; installed types are auto, poll (stat), watch (watchdog).",
            "--noreloda                    | Unknown option: '--noreloda'. Did you mean --noreload or --nopin?",
            "--startup-messages=sometimes  | \"sometimes\" is not a startup-messages mode; use one of reload, once, always, never."})
    void badInputIsOneSentenceAndExitCode2(String argument, String message) throws Exception {
        // An option comes with a good address; an address is the bad input itself.
        Result result = runToEnd(Map.of(), argument.startsWith("--") ? List.of(argument, "127.0.0.1:0") : List.of(argument));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.errorLines()).containsExactly(message);
    }

    @Test
    void aBadEnvironmentVariableIsNamed() throws Exception {
        Result result = runToEnd(Map.of("RUNSERVERPLUS_POLLER_RELOADER_INTERVAL", "soon"), List.of("127.0.0.1:0"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errorLines()).containsExactly("In environment variable RUNSERVERPLUS_POLLER_RELOADER_INTERVAL:"
                + " \"soon\" is not a number of seconds; use a positive number such as 1 or 0.5.");
    }

    @Test
    void aBadDebugPinInTheEnvironmentIsNamed() throws Exception {
        Result result = runToEnd(Map.of("RUNSERVERPLUS_DEBUG_PIN", "letmein"), List.of("--noreload", "127.0.0.1:0"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errorLines()).containsExactly("In environment variable RUNSERVERPLUS_DEBUG_PIN: \"letmein\" is not"
                + " a debugger PIN; use digits (dashes and spaces allowed), such as 123-456-789, or off to run the console"
                + " without a PIN.");
    }

    @Test
    void aPortInUseEndsWithTheOriginalsWordsAndExitCode1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            for (List<String> mode : List.of(List.<String>of(), List.of("--noreload"))) {
                List<String> args = new ArrayList<>(mode);
                args.add("127.0.0.1:" + taken.getLocalPort());

                Result result = runToEnd(Map.of(), args);

                assertThat(result.exitCode()).as("exit code with %s", mode).isEqualTo(1);
                assertThat(result.errorLines()).containsExactly("Port " + taken.getLocalPort() + " is in use by another"
                        + " program. Either identify and stop that program, or start the server with a different port.");
            }
        }
    }

    @Test
    void aMissingExtraFileIsAWarningAndTheServerStartsAnyway() throws Exception {
        Path missing = temp.resolve("settings.toml");
        Process demo = start(Map.of(), List.of("--extra-file", missing.toString(), "127.0.0.1:0"));
        try {
            String console = readUntilRunning(demo);
            assertThat(console).contains(" * Warning: extra file \"" + missing + "\" does not exist; the app reloads when it appears.");
        } finally {
            stop(demo);
        }
    }

    @Test
    void outputKeepsACopyOfEverythingPrinted() throws Exception {
        Path copy = temp.resolve("logs/server.log");
        Process demo = start(Map.of(), List.of("--noreload", "--output", copy.toString(), "127.0.0.1:0"));
        try {
            String url = url(readUntilRunning(demo));
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/?copied")).build(),
                    HttpResponse.BodyHandlers.ofString());
            awaitFileContains(copy, "\"GET /?copied HTTP/1.1\" 200 27");
        } finally {
            stop(demo);
        }
        assertThat(Files.readString(copy)).contains("WARNING: This is a development server.", " * Running on http://127.0.0.1:");
    }

    @Test
    void browserOpensTheServersAddressWithTheBrowserCommand() throws Exception {
        Path opened = temp.resolve("opened.txt");
        Path browser = Files.writeString(temp.resolve("browser.sh"), "#!/bin/sh\necho \"$1\" > " + opened + "\n");
        Files.setPosixFilePermissions(browser, PosixFilePermissions.fromString("rwx------"));
        int port = DemoFiles.freePort();
        Process demo = start(Map.of("BROWSER", browser.toString()), List.of("--browser", "127.0.0.1:" + port));
        try {
            readUntilRunning(demo);
            awaitFileContains(opened, "http://127.0.0.1:" + port);
        } finally {
            stop(demo);
        }
    }

    @Test
    void startupMessagesOnceShowsTheBannerAtTheFirstStartOnlyAndReloadAtEveryStart() throws Exception {
        assertThat(bannersAcrossOneReload("once")).isEqualTo(1);
        assertThat(bannersAcrossOneReload("reload")).isEqualTo(2);
        assertThat(bannersAcrossOneReload("never")).isZero();
    }

    @Test
    void helpShowsTheAddressFromTheEnvironmentAsTheDefault() throws Exception {
        Result help = runToEnd(Map.of("RUNSERVERPLUS_SERVER_ADDRESS_PORT", "7070"), List.of("--help"));

        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("Default 127.0.0.1:7070.").doesNotContain("127.0.0.1:8000");
    }

    @Test
    void helpListsTheOptionsAndVersionNamesTheProduct() throws Exception {
        Result help = runToEnd(Map.of(), List.of("--help"));
        Result version = runToEnd(Map.of(), List.of("--version"));

        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("Usage: runserver_plus", "[addrport]", "--noreload", "--cert-file",
                "--reloader-type", "--extra-file", "--exclude-pattern", "--startup-messages", "--output", "--browser",
                "--nopin", "--trusted-host");
        assertThat(version.exitCode()).isZero();
        assertThat(version.output().strip()).matches("RunServerPlus \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void requestLinesAreColouredOnATerminalUnlessNoColorIsSet() throws Exception {
        assertThat(requestLineOnATerminal(Map.of())).contains("\u001b[33m127.0.0.1 - - [");
        assertThat(requestLineOnATerminal(Map.of("NO_COLOR", "1"))).doesNotContain("\u001b[33m").contains("\" 404 ");
    }

    /** Runs the demo under script(1), which gives it a pseudo-terminal, and asks it for a missing page. */
    private String requestLineOnATerminal(Map<String, String> environment) throws Exception {
        int port = DemoFiles.freePort();
        Path transcript = temp.resolve("tty-" + environment.size() + ".txt");
        String java = String.join(" ", command(environment, List.of("--noreload", "127.0.0.1:" + port),
                Path.of("target", "classes")).command());
        ProcessBuilder tty = new ProcessBuilder("script", "-q", "-f", "-c", java, transcript.toString());
        tty.environment().putAll(environment);
        Process demo = tty.redirectInput(ProcessBuilder.Redirect.PIPE).start();
        try {
            awaitFileContains(transcript, " * Running on");
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/missing")).build(),
                    HttpResponse.BodyHandlers.ofString());
            awaitFileContains(transcript, "GET /missing HTTP/1.1");
            return Files.readString(transcript);
        } finally {
            demo.descendants().forEach(ProcessHandle::destroy);
            stop(demo);
        }
    }

    private long bannersAcrossOneReload(String mode) throws Exception {
        Path classes = temp.resolve("classes-" + mode);
        DemoFiles.copyTree(Path.of("target", "classes"), classes);
        Path console = temp.resolve("console-" + mode + ".txt");
        Process demo = command(Map.of(), List.of("--startup-messages", mode, "127.0.0.1:0"), classes)
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        try {
            // Every start prints the PIN last, whatever --startup-messages says: the child is serving.
            awaitCount(console, " * Debugger PIN:", 1);
            Files.setLastModifiedTime(classes.resolve("io/runserverplus/examples/javalin/JavalinDemo.class"),
                    java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
            Files.writeString(classes.resolve("touched.txt"), "a change");
            awaitFileContains(console, "reloading");
            awaitCount(console, " * Restarting with", 2);
            awaitCount(console, " * Debugger PIN:", 2);
        } finally {
            stop(demo);
        }
        // The first two starts only: a third one (a second change event that arrived late, on a busy
        // machine) must not change the count.
        return firstTwoStarts(Files.readString(console)).stream().filter(line -> line.startsWith(" * Running on")).count();
    }

    /** The lines of the first two starts: up to the second PIN, which every start prints last. */
    private static List<String> firstTwoStarts(String console) {
        List<String> lines = new ArrayList<>();
        int pins = 0;
        for (String line : console.lines().toList()) {
            lines.add(line);
            if (line.startsWith(" * Debugger PIN:") && ++pins == 2) {
                break;
            }
        }
        return lines;
    }

    private record Result(int exitCode, String output, List<String> errorLines) {
    }

    private Result runToEnd(Map<String, String> environment, List<String> args) throws Exception {
        Process demo = command(environment, args, Path.of("target", "classes")).start();
        String out = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(demo.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(demo.exitValue(), out + err, err.lines().filter(line -> !line.startsWith("WARNING:")).toList());
    }

    private Process start(Map<String, String> environment, List<String> args) throws Exception {
        return command(environment, args, Path.of("target", "classes")).redirectErrorStream(true).start();
    }

    private static ProcessBuilder command(Map<String, String> environment, List<String> args, Path classes)
            throws IOException {
        String jars = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + jars, JavalinDemo.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return builder;
    }

    private static String readUntilRunning(Process demo) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            seen.append(line).append('\n');
            if (RUNNING_ON.matcher(line).find()) {
                return seen.toString();
            }
        }
        throw new AssertionError("the demo ended without announcing its address:\n" + seen);
    }

    private static String url(String console) {
        Matcher matcher = RUNNING_ON.matcher(console);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static void stop(Process demo) throws InterruptedException {
        demo.destroy();
        if (!demo.waitFor(15, TimeUnit.SECONDS)) {
            demo.destroyForcibly();
        }
    }

    private static void awaitFileContains(Path file, String text) throws Exception {
        awaitCount(file, text, 1);
    }

    private static void awaitCount(Path file, String text, int count) throws Exception {
        // Generous: two starts of the demo on a machine shared with other builds.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file).split(Pattern.quote(text), -1).length - 1 >= count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("\"" + text + "\" did not appear " + count + " time(s) in 90 s in " + file + ":\n"
                + (Files.exists(file) ? Files.readString(file) : "(no file)"));
    }


}
