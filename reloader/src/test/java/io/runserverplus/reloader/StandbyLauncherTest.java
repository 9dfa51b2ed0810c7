package io.runserverplus.reloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standby's check on "go" (a class file now in the app's directories hides a class it took
 * from a jar) and its warm-ups before it.
 */
class StandbyLauncherTest {

    @TempDir
    Path temp;

    @Test
    void aClassFileOfAPreloadedJarClassInAnyDirectoryMeansAColdStart() throws Exception {
        Path app = Files.createDirectories(temp.resolve("app/classes/com/acme"));
        Files.writeString(app.resolve("Main.class"), "app");
        Path other = Files.createDirectories(temp.resolve("other/classes/org/lib/internal"));
        Set<String> preloaded = Set.of("org/lib/internal/Helper", "org/lib/Api");
        List<Path> dirs = List.of(temp.resolve("app/classes"), temp.resolve("other/classes"));

        assertThat(StandbyLauncher.shadowed(dirs, preloaded)).as("no library class in the directories").isFalse();

        Files.writeString(other.resolve("Helper.txt"), "not a class file");
        Files.writeString(other.resolve("HelperTest.class"), "another class");
        assertThat(StandbyLauncher.shadowed(dirs, preloaded)).isFalse();

        Files.writeString(other.resolve("Helper.class"), "a patched copy of the library's class");
        assertThat(StandbyLauncher.shadowed(dirs, preloaded)).isTrue();
    }

    @Test
    void aDirectoryThatIsGoneHidesNothing() {
        assertThat(StandbyLauncher.shadowed(List.of(temp.resolve("gone")), Set.of("a/B"))).isFalse();
    }

    @Test
    void theWarmUpsRunOneAfterAnotherAFailingOneDoesNotStopTheRestAndNoneStartsAfterGo() {
        var ran = new java.util.ArrayList<String>();
        boolean[] go = {false};
        List<io.runserverplus.spi.StandbyWarmUp> warmUps = List.of(
                () -> ran.add("guice"),
                () -> {
                    throw new IllegalStateException("a provider's warm-up fails");
                },
                () -> {
                    ran.add("agent");
                    go[0] = true; // "go" arrives while this one runs
                },
                () -> ran.add("after go"));

        StandbyLauncher.warmUp(warmUps, () -> go[0]);

        assertThat(ran).containsExactly("guice", "agent");
    }
}
