package io.runserverplus.console.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.StandbyWarmUp;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capture agent's warm-up in a standby JVM: the app's largest class files, instrumented into nothing. */
class InstrumenterWarmUpTest {

    @TempDir
    Path temp;

    @Test
    void theStandbyFindsItThroughServiceLoader() {
        assertThat(ServiceLoader.load(StandbyWarmUp.class).stream().map(provider -> provider.type().getName()))
                .contains(InstrumenterWarmUp.class.getName());
    }

    @Test
    void itTakesTheLargestClassFilesOfTheClassPathsDirectoriesOnly() throws Exception {
        Path app = Files.createDirectories(temp.resolve("classes/com/acme"));
        for (int i = 1; i <= 10; i++) {
            Files.write(app.resolve("C" + i + ".class"), new byte[i * 100]);
        }
        Files.writeString(app.resolve("notes.txt"), "x".repeat(5_000));
        Path jar = Files.write(temp.resolve("lib.jar"), new byte[10_000]);

        List<Path> chosen = InstrumenterWarmUp.classFiles(temp.resolve("classes") + File.pathSeparator + jar
                + File.pathSeparator + temp.resolve("gone") + File.pathSeparator);

        assertThat(chosen).extracting(path -> path.getFileName().toString())
                .containsExactly("C10.class", "C9.class", "C8.class", "C7.class", "C6.class", "C5.class", "C4.class", "C3.class");
    }

    @Test
    void itInstrumentsTheClassesRoundAfterRoundAndWritesNothing() throws Exception {
        Path classes = Path.of(ThrowingMethods.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> files = InstrumenterWarmUp.classFiles(classes.toString());
        Map<Path, String> before = contents(classes);

        assertThat(files).isNotEmpty();
        assertThat(InstrumenterWarmUp.run(files)).isEqualTo(InstrumenterWarmUp.INSTRUMENTATIONS);
        assertThat(contents(classes)).isEqualTo(before);
        assertThat(InstrumenterWarmUp.run(List.of(temp.resolve("deleted since.class")))).as("nothing to read").isZero();
    }

    private static Map<Path, String> contents(Path directory) throws Exception {
        try (Stream<Path> walk = Files.walk(directory)) {
            var contents = new TreeMap<Path, String>();
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                contents.put(file, HexFormat.of().formatHex(Files.readAllBytes(file)));
            }
            return contents;
        }
    }
}
