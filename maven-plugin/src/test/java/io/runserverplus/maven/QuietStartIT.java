package io.runserverplus.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A user's project that imports the BOM and one adapter (not this repository, whose own build
 * settings could hide what a user gets) prints nothing at start but RunServerPlus's banner and
 * the app's own lines: no sun.misc.Unsafe or other JVM warnings, no SLF4J complaints, no
 * "you never started it" from Javalin. Checked for each adapter's sample (a Javalin and a Jetty
 * app logging through slf4j-simple, a Helidon app with Helidon's java.util.logging) on the JDK
 * running the tests (the newest in CI) and on a JDK 21 when the machine has one.
 */
class QuietStartIT {

    /** Javalin says "you never started it" 5 s after creating an instance that was not started. */
    private static final long JAVALIN_CHECK_MILLIS = 5_000;

    private static final List<Predicate<String>> EXPECTED = List.of(
            // RunServerPlus's banner, as runserver_plus prints it
            Pattern.compile("^ \\* Restarting with (watch|stat|poll)$").asMatchPredicate(),
            Pattern.compile("^WARNING: This is a development server\\. Do not use it in a production deployment\\.$")
                    .asMatchPredicate(),
            Pattern.compile("^ \\* Running on http://127\\.0\\.0\\.1:\\d+$").asMatchPredicate(),
            "Quit the server with CONTROL-C."::equals,
            " * Debugger is active!"::equals,
            Pattern.compile("^ \\* Debugger PIN: [\\d-]+ \\(console: http://127\\.0\\.0\\.1:\\d+/console\\)$")
                    .asMatchPredicate(),
            // the app's own lines: its println and its frameworks' INFO logging (slf4j-simple)
            "sample app: starting"::equals,
            Pattern.compile("^\\[main] INFO (io\\.javalin|org\\.eclipse\\.jetty)\\.[\\w.]+ - .*").asMatchPredicate());

    /** A sample under src/it, and a line its framework logs at INFO (so its warnings would show), if it logs one. */
    private record Sample(String name, String infoLine) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> samplesAndJdks() throws Exception {
        List<Sample> samples = List.of(new Sample("javalin-app", "[main] INFO io.javalin.Javalin - "),
                new Sample("jetty-app", "[main] INFO org.eclipse.jetty.server.Server - "),
                // Helidon's INFO lines (features, sockets, start time) are quieted by the adapter.
                new Sample("helidon-app", null));
        List<Path> jdks = Jdks.toCheck();
        return samples.stream().flatMap(sample -> jdks.stream().map(jdk -> Arguments.of(sample, jdk)));
    }

    @ParameterizedTest(name = "{0} on JDK {1}")
    @MethodSource("samplesAndJdks")
    void startPrintsOnlyTheBannerAndTheAppsLines(Sample sample, Path jdk) throws Exception {
        SampleProject project = SampleProject.copy(sample.name(), "quiet-start-" + sample.name() + "-" + Jdks.feature(jdk));
        // -q: Maven's own [INFO] lines are not the app's output, which is what is judged here.
        try (SampleProject.Run run = project.start(jdk, "-q", "runserverplus:run", "-Drunserverplus.args=127.0.0.1:0")) {
            run.awaitLine(line -> line.startsWith(" * Debugger PIN: "));
            // The Javalin adapter's warm-up creates a Javalin before the app serves: wait past its check.
            Thread.sleep(sample.name().equals("javalin-app") ? JAVALIN_CHECK_MILLIS + 1_500 : 1_500);

            if (sample.infoLine() != null) {
                assertThat(run.lines).as("the frameworks log at INFO, so their warnings would show")
                        .anyMatch(line -> line.startsWith(sample.infoLine()));
            }
            assertThat(run.lines).contains("sample app: starting");
            assertThat(run.lines).as("every line printed at start on JDK %d", Jdks.feature(jdk))
                    .allMatch(line -> EXPECTED.stream().anyMatch(expected -> expected.test(line)));
        }
    }
}
