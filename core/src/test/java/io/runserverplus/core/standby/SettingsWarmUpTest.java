package io.runserverplus.core.standby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runserverplus.core.settings.SettingsException;
import io.runserverplus.spi.StandbyWarmUp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The settings' warm-up in a standby JVM: found by the standby, silent, and a bad setting is left to the app's start. */
class SettingsWarmUpTest {

    private static final String INTERVAL = "runserverplus.reloader-interval";
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @AfterEach
    void restore() {
        System.clearProperty(INTERVAL);
        System.setOut(out);
        System.setErr(err);
    }

    @Test
    void theStandbyFindsItThroughServiceLoader() {
        assertThat(ServiceLoader.load(StandbyWarmUp.class).stream().map(provider -> provider.type().getName()))
                .contains(SettingsWarmUp.class.getName());
    }

    @Test
    void itPrintsNothingAndABadSettingFailsItForTheLauncherToSkip() {
        var printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true));
        System.setErr(new PrintStream(printed, true));

        new SettingsWarmUp().warmUp();
        System.setProperty(INTERVAL, "soon");

        assertThatThrownBy(() -> new SettingsWarmUp().warmUp()).isInstanceOf(SettingsException.class);
        assertThat(printed.toString()).isEmpty();
    }
}
