package io.runserverplus.reloader;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.ReloaderProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the supervisor learns of the app's address from the first child's files. */
class AppAddressTest {

    @TempDir
    Path directory;

    private Path serving() {
        return directory.resolve("serving");
    }

    private void chosen(String text) throws Exception {
        Files.writeString(serving().resolveSibling(ReloaderProvider.OWN_ADDRESS_FILE), text);
    }

    @Test
    void aNamedAddressIsHandedToEveryChildAndNoFileChangesIt() throws Exception {
        AppAddress address = new AppAddress("0.0.0.0", 9000);
        chosen("127.0.0.1 7070");
        address.learnFrom(serving());
        assertThat(address.forChild()).isEqualTo("0.0.0.0 9000");
    }

    @Test
    void withoutANamedAddressTheFirstChildsChoiceIsLearnedOnceWithItsServedPortAfterPortZero() throws Exception {
        AppAddress address = new AppAddress(null, 8000);
        assertThat(address.forChild()).as("the first child chooses").isNull();
        assertThat(address.port()).isZero();
        address.learnFrom(serving());
        assertThat(address.hostKnown()).as("nothing chosen yet").isFalse();

        chosen("::1 0");
        Files.writeString(serving(), "4242 39123");
        address.learnFrom(serving());
        assertThat(address.forChild()).isEqualTo("::1 39123");

        chosen("127.0.0.1 7070"); // a later child's file cannot move the app
        Files.writeString(serving(), "4343 40000");
        address.learnFrom(serving());
        assertThat(address.forChild()).isEqualTo("::1 39123");
    }

    @Test
    void aGarbledOrOutOfRangeChoiceIsNotLearned() throws Exception {
        AppAddress address = new AppAddress(null, 0);
        for (String garbled : new String[] {"", "127.0.0.1", "127.0.0.1 seventy", "127.0.0.1 70000", "127.0.0.1 -1",
                " 8000", "127.0.0.1 99999999999"}) {
            chosen(garbled);
            address.learnFrom(serving());
            assertThat(address.hostKnown()).as("'%s'", garbled).isFalse();
        }
        address.learnFrom(null);
        assertThat(address.hostKnown()).isFalse();
    }
}
