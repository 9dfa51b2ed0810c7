package io.runserverplus.adapter.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.spi.ServerFeature;
import io.helidon.webserver.spi.ServerFeatureProvider;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The warm-up (run while core wires itself) builds a server configuration, but never makes the
 * features Helidon would discover on the class path: a feature may set itself up when it is made
 * (metrics, security), and the app's start must be the first and only time that happens.
 */
class HelidonWarmUpTest {

    @BeforeEach
    void reset() {
        CountingFeatureProvider.made.set(0);
    }

    @Test
    void theWarmUpMakesNoFeatureOfTheClassPath() {
        HelidonApp.of(routing -> routing.get("/", (request, response) -> response.send("app"))).warmUp();

        assertThat(CountingFeatureProvider.made).hasValue(0);
    }

    @Test
    void aServerConfigurationBuiltAsHelidonDoesMakesThatFeature() {
        // What the test above would see if the warm-up let Helidon discover the features.
        WebServer.builder().port(0).buildPrototype();

        assertThat(CountingFeatureProvider.made).hasPositiveValue();
    }

    /** Found by Helidon through META-INF/services; counts the features it makes, which do nothing. */
    public static final class CountingFeatureProvider implements ServerFeatureProvider<ServerFeature> {
        static final AtomicInteger made = new AtomicInteger();

        @Override
        public String configKey() {
            return "runserverplus-warm-up-test";
        }

        @Override
        public ServerFeature create(io.helidon.config.Config config, String name) {
            made.incrementAndGet();
            return new ServerFeature() {
                @Override
                public void setup(ServerFeatureContext context) {
                    // nothing: the ITs of this module start servers with it
                }

                @Override
                public String name() {
                    return name;
                }

                @Override
                public String type() {
                    return "runserverplus-warm-up-test";
                }
            };
        }
    }
}
