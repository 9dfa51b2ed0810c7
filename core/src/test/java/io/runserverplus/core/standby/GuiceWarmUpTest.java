package io.runserverplus.core.standby;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.StandbyWarmUp;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Guice's warm-up in a standby JVM: found by the standby, and it sets no Guice flag but RunServerPlus's own. */
class GuiceWarmUpTest {

    private static final String FLAG = "guice_bytecode_gen_option";
    private final String before = System.getProperty(FLAG);

    @AfterEach
    void restoreTheFlag() {
        if (before == null) {
            System.clearProperty(FLAG);
        } else {
            System.setProperty(FLAG, before);
        }
    }

    @Test
    void theStandbyFindsItThroughServiceLoader() {
        assertThat(ServiceLoader.load(StandbyWarmUp.class).stream().map(provider -> provider.type().getName()))
                .contains(GuiceWarmUp.class.getName());
    }

    @Test
    void itTurnsOffGuicesBytecodeGenerationAsTheStartWouldUnlessTheUserChoseOtherwise() {
        System.clearProperty(FLAG);
        new GuiceWarmUp().warmUp();
        assertThat(System.getProperty(FLAG)).isEqualTo("DISABLED");

        System.setProperty(FLAG, "ENABLED");
        new GuiceWarmUp().warmUp();
        assertThat(System.getProperty(FLAG)).isEqualTo("ENABLED");
    }
}
