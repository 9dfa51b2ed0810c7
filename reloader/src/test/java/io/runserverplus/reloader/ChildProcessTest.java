package io.runserverplus.reloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping a real child JVM: how long the supervisor waits before the next one may start. */
class ChildProcessTest {

    @TempDir
    Path temp;

    @Test
    void aStopReturnsOnceTheChildsShutdownHooksHaveRunWithoutWaitingForTheRestOfItsExit() throws Exception {
        Path hooksDone = temp.resolve("running-child");
        ChildProcess child = start(hooksDone);

        int status = child.stop(Duration.ofSeconds(5), hooksDone);

        assertThat(hooksDone).as("deleted by the child's JVM after its hooks").doesNotExist();
        assertThat(status).as("not exited yet: a thread waiting in native code holds its JVM for ~300 ms").isEqualTo(-1);
        assertThat(child.process().isAlive()).isTrue();
        assertThat(child.process().waitFor(10, TimeUnit.SECONDS)).as("and then it exits by itself").isTrue();
    }

    @Test
    void aChildThatNeverServedIsWaitedForUntilItExits() throws Exception {
        Path neverCreated = temp.resolve("running-never");
        ChildProcess child = start(null);

        int status = child.stop(Duration.ofSeconds(5), neverCreated);

        assertThat(child.process().isAlive()).isFalse();
        assertThat(status).as("SIGTERM's status").isEqualTo(143);
    }

    private ChildProcess start(Path hooksDone) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HeldExitApp.class.getName()));
        if (hooksDone != null) {
            command.add(hooksDone.toString());
        }
        var out = new ByteArrayOutputStream();
        ChildProcess child = ChildProcess.start(command, Map.of(), new OutputTail(20), out, out);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!out.toString(StandardCharsets.UTF_8).contains("ready")) {
            assertThat(System.nanoTime() < deadline && child.process().isAlive()).as("child ready: " + out).isTrue();
            Thread.sleep(10);
        }
        if (hooksDone != null) {
            assertThat(Files.exists(hooksDone)).isTrue();
        }
        return child;
    }
}
