package io.runserverplus.adapter.javalin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runserverplus.core.RunServerPlus;
import io.runserverplus.spi.AdapterProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * A Javalin app's class path (this module's test class path: Javalin, this adapter and what they
 * bring) announces the Javalin adapter only, though Javalin runs on Jetty: the Jetty code both
 * adapters share is not the Jetty adapter.
 */
class JavalinClassPathIT {

    @Test
    void onlyTheJavalinAdapterIsDiscovered() {
        assertThat(ServiceLoader.load(AdapterProvider.class).stream().map(provider -> provider.get().name()))
                .containsExactly("javalin");
    }

    @Test
    void aBuilderWithoutAnAppOffersOnlyJavalin() {
        assertThatThrownBy(() -> RunServerPlus.builder().useReloader(false).start())
                .hasMessage("No app to serve; call .app(...) with an app of an installed adapter:"
                        + " JavalinApp.of(config -> ...) (javalin).");
    }
}
