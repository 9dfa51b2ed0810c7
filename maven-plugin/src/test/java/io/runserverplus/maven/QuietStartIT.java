package io.runserverplus.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A user's project that imports the BOM and one adapter (not this repository, whose own build
 * settings could hide what a user gets) prints nothing at start but RunServerPlus's banner and
 * the app's own lines: no sun.misc.Unsafe or other JVM warnings, no SLF4J complaints, no
 * "you never started it" from Javalin. Checked on the JDK running the tests (the newest in CI)
 * and on a JDK 21 when the machine has one.
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

    static List<Path> jdks() throws Exception {
        return Jdks.toCheck();
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void startPrintsOnlyTheBannerAndTheAppsLines(Path jdk) throws Exception {
        SampleProject project = SampleProject.copy("javalin-app", "quiet-start-" + Jdks.feature(jdk));
        // -q: Maven's own [INFO] lines are not the app's output, which is what is judged here.
        try (SampleProject.Run run = project.start(jdk, "-q", "runserverplus:run", "-Drunserverplus.args=127.0.0.1:0")) {
            run.awaitLine(line -> line.startsWith(" * Debugger PIN: "));
            // The adapter's warm-up creates a Javalin before the app serves: wait past its check.
            Thread.sleep(JAVALIN_CHECK_MILLIS + 1_500);

            assertThat(run.lines).as("the frameworks log at INFO, so their warnings would show")
                    .anyMatch(line -> line.startsWith("[main] INFO io.javalin.Javalin - "));
            assertThat(run.lines).as("every line printed at start on JDK %d", Jdks.feature(jdk))
                    .allMatch(line -> EXPECTED.stream().anyMatch(expected -> expected.test(line)));
        }
    }
}
