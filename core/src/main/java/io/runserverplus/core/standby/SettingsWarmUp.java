package io.runserverplus.core.standby;

import io.runserverplus.core.settings.BuilderSettings;
import io.runserverplus.core.settings.Settings;
import io.runserverplus.core.settings.SettingsResolver;
import io.runserverplus.spi.StandbyWarmUp;
import java.util.Map;

/**
 * In a standby JVM: resolves every setting once from this JVM's system properties and
 * environment, with an address as the supervisor hands one over, as the app's start does right
 * after "go". The settings' classes are then initialised and their parsers have run once: the
 * start spent 30-60 ms there before its injector (Javalin demo, 2 cores). Nothing is printed or
 * kept; a setting this JVM's sources get wrong fails here without a word, and again, in the
 * app's own start, with its sentence.
 */
public final class SettingsWarmUp implements StandbyWarmUp {

    @Override
    public void warmUp() {
        Settings.resolve(SettingsResolver.forThisProcess(Map.of(), BuilderSettings.none().copy().addrPort("127.0.0.1:8000")));
    }
}
