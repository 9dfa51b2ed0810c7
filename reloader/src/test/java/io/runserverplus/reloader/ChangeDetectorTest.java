package io.runserverplus.reloader;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.ChangeDetector;
import io.runserverplus.spi.ChangeDetectorProvider;
import io.runserverplus.spi.WatchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same contract for every detector, on real files. */
class ChangeDetectorTest {

    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    private final Recorder recorder = new Recorder();
    private ChangeDetector detector;

    private void start(String type, List<Path> roots, List<String> excludes) {
        ChangeDetectorProvider provider = ChangeDetectors.select(type);
        detector = provider.create(new WatchRequest(roots, excludes, Duration.ofMillis(100)), recorder);
        detector.start();
    }

    private void start(String type) {
        start(type, List.of(root), List.of());
    }

    @AfterEach
    void close() {
        if (detector != null) {
            detector.close();
        }
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"watch", "poll"})
    void sedInPlaceReportsTheFileItChangedAndNeverItsTemporaryFile(String type) throws Exception {
        Path file = write(root.resolve("public/index.html"), "<p>old</p>\n");
        start(type);

        Process sed = new ProcessBuilder("sed", "-i", "s/old/new/", file.toString()).inheritIO().start();
        assertThat(sed.waitFor()).isZero();

        assertThat(recorder.await(file)).allSatisfy(path -> assertThat(path.getFileName().toString())
                .doesNotStartWith("sed"));
        assertThat(Files.readString(file)).isEqualTo("<p>new</p>\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"watch", "poll"})
    void editorsTemporaryFilesAreNotChanges(String type) throws Exception {
        start(type);
        // Vim's swap, backup and write test, emacs's lock, gedit's and IntelliJ's safe-save files.
        for (String name : List.of(".A.java.swp", "A.class~", ".#A.class", "4913", ".goutputstream-X1Y2Z3",
                "A.class___jb_tmp___", "sedAb12Cd")) {
            write(root.resolve(name), "temporary");
        }
        Path saved = write(root.resolve("A.class"), "saved");

        // Reported in order: had any temporary file counted, it would be in this batch or an earlier one.
        assertThat(recorder.await(saved)).containsOnly(saved);
    }

    @ParameterizedTest
    @ValueSource(strings = {"watch", "poll"})
    void aCreatedFileIsReported(String type) throws Exception {
        start(type);
        assertThat(detector.name()).isEqualTo(type);
        Path file = write(root.resolve("A.class"), "a");
        recorder.await(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"watch", "poll"})
    void aModifiedFileInASubdirectoryIsReported(String type) throws Exception {
        Path file = write(root.resolve("com/acme/A.class"), "a");
        start(type);
        write(file, "changed");
        assertThat(recorder.await(file)).containsOnly(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"watch", "poll"})
    void aDeletedFileIsReported(String type) throws Exception {
        Path file = write(root.resolve("com/A.class"), "a");
        start(type);
        Files.delete(file);
        recorder.await(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"watch", "poll"})
    void aRenameReportsBothNames(String type) throws Exception {
        Path before = write(root.resolve("com/A.class"), "a");
        Path after = root.resolve("com/B.class");
        start(type);
        Files.move(before, after, StandardCopyOption.ATOMIC_MOVE);
        recorder.await(before, after);
    }

    @ParameterizedTest
    @ValueSource(strings = {"watch", "poll"})
    void filesInANewSubdirectoryAreReportedAndItIsWatchedFromThenOn(String type) throws Exception {
        start(type);
        Path first = write(root.resolve("new/deeper/A.class"), "a");
        Path second = write(root.resolve("new/B.class"), "b");
        recorder.await(first, second);
        recorder.clear();
        write(first, "changed");
        recorder.await(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"watch", "poll"})
    void excludedPathsAreIgnored(String type) throws Exception {
        Files.createDirectories(root.resolve("com/generated"));
        start(type, List.of(root), List.of("*.tmp", "**/generated/**"));
        write(root.resolve("A.tmp"), "t");
        write(root.resolve("com/generated/G.class"), "g");
        write(root.resolve("gen2/generated/deep/H.class"), "h");
        Path sentinel = write(root.resolve("com/A.class"), "a");
        // Events of one directory arrive in order and a poll reports one walk at once, so by the
        // time the sentinel shows up the excluded files would have shown up too.
        recorder.await(sentinel);
        Path later = write(root.resolve("B.class"), "b");
        assertThat(recorder.await(sentinel, later)).containsOnly(sentinel, later);
    }

    @ParameterizedTest
    @ValueSource(strings = {"watch", "poll"})
    void anExtraSingleFileIsWatchedButItsNeighboursAreNot(String type) throws Exception {
        Path extra = write(elsewhere.resolve("app.properties"), "a=1");
        start(type, List.of(root, extra), List.of());
        write(elsewhere.resolve("neighbour.txt"), "n");
        write(extra, "a=2");
        assertThat(recorder.await(extra)).containsOnly(extra);
    }

    @ParameterizedTest
    @ValueSource(strings = {"watch", "poll"})
    void nothingIsReportedWhileNothingChanges(String type) throws Exception {
        write(root.resolve("com/A.class"), "a");
        start(type);
        Path change = write(root.resolve("B.class"), "b");

        // Reports come in order, and a walk that saw the change would report an unchanged file in
        // the same batch: so the first batch is the change alone, however long the machine took.
        recorder.await(change);
        assertThat(recorder.batches().getFirst()).containsOnly(change);
    }
}
