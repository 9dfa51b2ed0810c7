package io.runserverplus.reloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runserverplus.spi.ChangeDetector;
import io.runserverplus.spi.ChangeDetectorProvider;
import io.runserverplus.spi.WatchRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeDetectorsTest {

    /** A third party's provider, also registered in the test class path's META-INF/services. */
    public static final class FakeProvider implements ChangeDetectorProvider {
        private final int priority;
        private final boolean available;

        public FakeProvider() {
            this(1, true);
        }

        FakeProvider(int priority, boolean available) {
            this.priority = priority;
            this.available = available;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public boolean isAvailable() {
            return available;
        }

        @Override
        public ChangeDetector create(WatchRequest request, ChangeDetector.Listener listener) {
            throw new UnsupportedOperationException();
        }
    }

    private final List<ChangeDetectorProvider> jdk = List.of(new WatchDetectorProvider(), new PollDetectorProvider());

    @Test
    void autoPrefersWatchOverPoll() {
        assertThat(ChangeDetectors.select("auto", jdk).name()).isEqualTo("watch");
        assertThat(ChangeDetectors.select(null, jdk).name()).isEqualTo("watch");
        assertThat(ChangeDetectors.select(" ", jdk).name()).isEqualTo("watch");
    }

    @Test
    void werkzeugNamesAreAliases() {
        assertThat(ChangeDetectors.select("stat", jdk).name()).isEqualTo("poll");
        assertThat(ChangeDetectors.select("watchdog", jdk).name()).isEqualTo("watch");
        assertThat(ChangeDetectors.select(" Poll ", jdk).name()).isEqualTo("poll");
    }

    @Test
    void aThirdPartyProviderWithAHigherPriorityWinsAuto() {
        var providers = List.of(new WatchDetectorProvider(), new PollDetectorProvider(), new FakeProvider(500, true));
        assertThat(ChangeDetectors.select("auto", providers).name()).isEqualTo("fake");
    }

    @Test
    void anUnavailableProviderIsSkippedByAuto() {
        var providers = List.<ChangeDetectorProvider>of(new FakeProvider(500, false), new PollDetectorProvider());
        assertThat(ChangeDetectors.select("auto", providers).name()).isEqualTo("poll");
    }

    @Test
    void anUnknownTypeIsOneSentenceListingTheInstalledNames() {
        assertThatThrownBy(() -> ChangeDetectors.select("inotify", jdk))
                .isInstanceOf(ReloaderException.class)
                .hasMessage("Unknown reloader type 'inotify'; installed types are auto, poll (stat), watch (watchdog).");
    }

    @Test
    void serviceLoaderFindsBothJdkProvidersAndAThirdPartyOneByName() {
        assertThat(ChangeDetectors.installed()).extracting(ChangeDetectorProvider::name)
                .containsExactly("watch", "poll", "fake");
        assertThat(ChangeDetectors.select("fake")).isInstanceOf(FakeProvider.class);
        assertThat(ChangeDetectors.select("auto").name()).isEqualTo("watch");
    }
}
