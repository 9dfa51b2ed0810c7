package io.runserverplus.core.standby;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Inject;
import io.runserverplus.spi.StandbyWarmUp;

/**
 * In a standby JVM: makes one small injector, so that Guice's and Guava's classes are initialised
 * and their code has run once before "go". The app's injector then took 47-84 ms after "go"
 * instead of 98-153 (Javalin demo, 2 cores); the warm-up itself takes 35-50 ms while the standby
 * waits. Guice reads its flags (system properties) when its classes are initialised: this sets
 * the one RunServerPlus sets anyway ({@link GuiceFlags}), and a flag the app would set in its own
 * {@code main} comes too late; set such a flag on the command line.
 */
public final class GuiceWarmUp implements StandbyWarmUp {

    @Override
    public void warmUp() {
        GuiceFlags.quiet();
        // One binding of each kind the app's injector has: an instance, a linked one, a just-in-time one.
        Guice.createInjector(new AbstractModule() {
            @Override
            protected void configure() {
                bind(Settings.class).toInstance(new Settings("warm"));
                bind(Greeter.class).to(PlainGreeter.class);
            }
        }).getInstance(Greeter.class).greet();
    }

    private record Settings(String name) {
    }

    private interface Greeter {
        String greet();
    }

    private static final class PlainGreeter implements Greeter {
        private final Settings settings;

        @Inject
        PlainGreeter(Settings settings) {
            this.settings = settings;
        }

        @Override
        public String greet() {
            return settings.name();
        }
    }
}
