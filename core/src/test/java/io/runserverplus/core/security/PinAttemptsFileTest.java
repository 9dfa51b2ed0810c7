package io.runserverplus.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.core.security.PinGenerator.GeneratedPin;
import io.runserverplus.spi.DebugRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wrong-PIN count under the reloader: each guard stands for one child JVM, the file for the
 * supervisor that outlives them. A new child must go on from where the last one stopped.
 */
class PinAttemptsFileTest {

    private static final GeneratedPin PIN = new GeneratedPin("123-456-789", "__rsp_debugger__0123456789abcdef0123");
    private static final String LOCKED = "{\"auth\": false, \"exhausted\": true}";

    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void aSupervisorsFile() throws Exception {
        file = dir.resolve("pin-attempts");
        PinAttemptsFile.at(file).write(0);
    }

    private PinAttempts attempts() {
        return new PinAttempts(Optional.of(PinAttemptsFile.at(file)));
    }

    /** A child JVM's guard: a new count read from the file, and a new process's in-memory state. */
    private PinGuard nextChild() {
        return new PinGuard(Optional.of(PIN), attempts(), Clock.systemUTC(), Duration.ZERO, Duration.ZERO);
    }

    @Test
    void theLockOfOneChildHoldsInTheNext() throws Exception {
        PinGuard first = nextChild();
        for (int i = 0; i < 10; i++) {
            first.pinAuth(post("000000000"));
        }

        PinGuard second = nextChild();
        assertThat(second.pinAuth(post("123-456-789")).bodyText()).isEqualTo(LOCKED);
    }

    @Test
    void wrongPinsAddUpAcrossChildren() throws Exception {
        for (int child = 0; child < 3; child++) {
            PinGuard guard = nextChild();
            for (int i = 0; i < 3; i++) {
                assertThat(guard.pinAuth(post("000000000")).bodyText()).contains("\"exhausted\": false");
            }
        }
        PinGuard fourth = nextChild();
        assertThat(fourth.pinAuth(post("000000000")).bodyText()).as("the tenth").isEqualTo(LOCKED);
        assertThat(fourth.pinAuth(post("123456789")).bodyText()).isEqualTo(LOCKED);
    }

    @Test
    void anAttemptTheChildDiedDuringCountsAsWrong() throws Exception {
        PinAttempts dying = attempts();
        for (int i = 0; i < 10; i++) {
            assertThat(dying.reserve()).isTrue(); // reserved, never settled: the JVM was killed
        }

        assertThat(nextChild().pinAuth(post("123-456-789")).bodyText()).isEqualTo(LOCKED);
    }

    @Test
    void aRightPinResetsTheCountForTheNextChildToo() throws Exception {
        PinGuard first = nextChild();
        for (int i = 0; i < 9; i++) {
            first.pinAuth(post("000000000"));
        }
        assertThat(first.pinAuth(post("123-456-789")).bodyText()).contains("\"auth\": true");

        PinGuard second = nextChild();
        for (int i = 0; i < 9; i++) {
            assertThat(second.pinAuth(post("000000000")).bodyText()).contains("\"exhausted\": false");
        }
    }

    @Test
    void aGarbledOrMissingFileKeepsTheConsoleLocked() throws Exception {
        Files.writeString(file, "not a number");
        assertThat(nextChild().pinAuth(post("123-456-789")).bodyText()).isEqualTo(LOCKED);

        Files.delete(file);
        assertThat(nextChild().pinAuth(post("123-456-789")).bodyText()).isEqualTo(LOCKED);
    }

    @Test
    void theSupervisorsFileStartsAtZeroInADirectoryOnlyItsUserCanRead() throws Exception {
        Path created = PinAttemptsFile.create();

        assertThat(Files.readString(created)).isEqualTo("0");
        if (Files.getFileStore(created).supportsFileAttributeView("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(created.getParent()))).isEqualTo("rwx------");
        }
    }

    private static DebugRequest post(String pin) {
        return new DebugRequest("POST", "/__debugger__/pinauth", "", "HTTP/1.1", false, Map.of(), "127.0.0.1",
                ("pin=" + pin).getBytes(StandardCharsets.UTF_8));
    }
}
