package io.runserverplus.examples.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The generated PIN as users meet it: the demos started the way ./run-demo starts them, each
 * from its own directory. The Javalin demo is built earlier in the reactor than this one.
 */
class PinIT {

    private static final Pattern PIN = Pattern.compile(" \\* Debugger PIN: (\\d{3}-\\d{3}-\\d{3})(?: \\(console: \\S+\\))?$");

    @Test
    void thePinIsStableAcrossRestartsAndDiffersBetweenProjects() throws Exception {
        String first = pinOf(Path.of(""), JettyDemo.class.getName(), List.of());
        String second = pinOf(Path.of(""), JettyDemo.class.getName(), List.of());
        String javalin = pinOf(Path.of("..", "javalin-demo"), "io.runserverplus.examples.javalin.JavalinDemo", List.of());

        assertThat(second).as("the same project restarted").isEqualTo(first);
        assertThat(javalin).as("another project on this machine").isNotEqualTo(first);
    }

    @Test
    void thePinIsPrintedEvenWithoutTheBannerAndOffIsALoudWarning() throws Exception {
        List<String> quiet = linesUntil(Path.of(""), JettyDemo.class.getName(), List.of("--startup-messages", "never"),
                " * Debugger PIN: ");
        List<String> off = linesUntil(Path.of(""), JettyDemo.class.getName(), List.of("--nopin"), "WARNING: the debugger PIN is off");

        assertThat(quiet).noneMatch(line -> line.contains("Running on")).contains(" * Debugger is active!");
        assertThat(off).contains(" * Debugger is active!",
                " * WARNING: the debugger PIN is off; anyone who can reach this port can run code in your app's JVM.");
        assertThat(off).noneMatch(line -> line.startsWith(" * Debugger PIN: "));
    }

    private static String pinOf(Path directory, String mainClass, List<String> args) throws Exception {
        List<String> lines = linesUntil(directory, mainClass, args, " * Debugger PIN: ");
        Matcher matcher = PIN.matcher(lines.getLast());
        assertThat(matcher.find()).as(lines.getLast()).isTrue();
        return matcher.group(1);
    }

    /** Starts the demo, reads its output up to the first line containing {@code last}, and stops it. */
    private static List<String> linesUntil(Path directory, String mainClass, List<String> args, String last) throws Exception {
        Path classes = directory.resolve("target").resolve("classes");
        assertThat(classes).as("built before this test runs (the reactor builds every demo)").isDirectory();
        String jars = Files.readString(directory.resolve("target").resolve("runtime-classpath.txt")).strip();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Path.of("target", "classes") + File.pathSeparator + jars, mainClass, "--noreload", "127.0.0.1:0"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toAbsolutePath().toFile())
                .redirectErrorStream(true);
        builder.environment().remove("RUNSERVERPLUS_DEBUG_PIN");
        Process demo = builder.start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                seen.add(line);
                if (line.contains(last)) {
                    return seen;
                }
            }
        } finally {
            demo.destroy();
            if (!demo.waitFor(15, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
            }
        }
        throw new AssertionError("the demo ended without printing \"" + last + "\":\n" + String.join("\n", seen));
    }
}
