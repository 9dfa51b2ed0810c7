package io.runserverplus.reloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listing-skip rule of {@link StatTree}, with a fake clock. */
class StatTreeTest {

    @TempDir
    Path root;

    private final AtomicLong clock = new AtomicLong();

    private StatTree settledTree() throws Exception {
        Files.writeString(Files.createDirectories(root.resolve("a/b")).resolve("A.class"), "a");
        var tree = new StatTree(List.of(root), ExcludeMatcher.of(List.of("*.tmp")), clock::get);
        tree.baseline();
        clock.addAndGet(StatTree.SETTLE_NANOS);
        assertThat(tree.scan()).isEmpty(); // lists once more, now trusted
        return tree;
    }

    @Test
    void aSettledUnchangedTreeIsNotListedAgainButItsFilesAreStillStatted() throws Exception {
        StatTree tree = settledTree();
        long listings = tree.listings();
        assertThat(tree.scan()).isEmpty();
        assertThat(tree.listings()).isEqualTo(listings);

        Path file = root.resolve("a/b/A.class");
        Files.writeString(file, "modified in place");
        assertThat(tree.scan()).containsExactly(file);
        assertThat(tree.listings()).isEqualTo(listings);
    }

    @Test
    void createdDeletedAndExcludedEntriesOfASettledTreeAreSeen() throws Exception {
        StatTree tree = settledTree();
        Path created = Files.writeString(root.resolve("a/b/B.class"), "b");
        Files.writeString(root.resolve("a/b/ignored.tmp"), "x");
        assertThat(tree.scan()).containsExactly(created);
        Files.delete(created);
        assertThat(tree.scan()).containsExactly(created);
        Path deep = root.resolve("a/c/d/C.class");
        Files.createDirectories(deep.getParent());
        Files.writeString(deep, "c");
        assertThat(tree.scan()).containsExactly(deep);
        assertThat(tree.size()).isEqualTo(2);
    }

    @Test
    void aDirectoryWhoseModificationTimeIsSetBackIsListedAgain() throws Exception {
        StatTree tree = settledTree();
        Path dir = root.resolve("a/b");
        FileTime before = Files.getLastModifiedTime(dir);
        Path created = Files.writeString(dir.resolve("B.class"), "b");
        Files.setLastModifiedTime(dir, before); // as tar or rsync -t may do; the change time still moves
        assertThat(tree.scan()).containsExactly(created);
    }

    @Test
    void aChangeRightAfterAListingIsNotTrustedUntilItSettled() throws Exception {
        StatTree tree = settledTree();
        Path first = Files.writeString(root.resolve("a/b/B.class"), "b");
        assertThat(tree.scan()).containsExactly(first);
        long listings = tree.listings();
        // Same clock: the directory's new state is younger than the settle time, so it is listed
        // again on every scan, and an entry created within the same time stamp is still found.
        Path second = Files.writeString(root.resolve("a/b/C.class"), "c");
        assertThat(tree.scan()).containsExactly(second);
        assertThat(tree.scan()).isEmpty();
        assertThat(tree.listings()).isGreaterThan(listings + 1);
    }
}
