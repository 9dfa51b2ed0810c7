package io.runserverplus.core.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.CapturedFrame;
import io.runserverplus.spi.ConsoleProvider;
import io.runserverplus.spi.ConsoleScope;
import io.runserverplus.spi.Consoles;
import io.runserverplus.spi.EvalResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * When the console's JShell is prepared: only once a page offering a console was served, never
 * just because the server started (a JShell warmed in the application's JVM slows its requests).
 */
class ConsoleSupportTest {

    /** Counts what core asks of the console port. */
    private static final class CountingProvider implements ConsoleProvider {
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger warmUps = new AtomicInteger();
        final CountDownLatch warmed = new CountDownLatch(1);

        @Override
        public List<String> jvmOptions() {
            return List.of();
        }

        @Override
        public boolean capturesLocals() {
            return false;
        }

        @Override
        public List<CapturedFrame> capturedFrames(Throwable t) {
            return List.of();
        }

        @Override
        public String render(Object value) {
            return String.valueOf(value);
        }

        @Override
        public Consoles start(ClassLoader applicationLoader, String classPath, Duration timeLimit) {
            starts.incrementAndGet();
            return new Consoles() {
                @Override
                public CompletableFuture<Void> warmUp() {
                    warmUps.incrementAndGet();
                    warmed.countDown();
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public EvalResult eval(String id, ConsoleScope scope, String code) {
                    throw new UnsupportedOperationException("not evaluated here");
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @Test
    void startingTheServerPreparesNoConsole() throws Exception {
        CountingProvider provider = new CountingProvider();
        ConsoleSupport support = new ConsoleSupport(ConsoleSettings.defaults(), provider);

        support.serverStarted(new Object());

        // Longer than the delay after which the first version warmed a JShell in the background.
        assertThat(provider.warmed.await(2500, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(provider.starts).hasValue(0);
    }

    @Test
    void aPageOfferingAConsolePreparesOneJShellInTheBackgroundOnce() throws Exception {
        CountingProvider provider = new CountingProvider();
        ConsoleSupport support = new ConsoleSupport(ConsoleSettings.defaults(), provider);
        support.serverStarted(new Object());

        for (int page = 0; page < 5; page++) {
            support.consoleMayBeWanted();
        }

        assertThat(provider.warmed.await(5, TimeUnit.SECONDS)).isTrue();
        // A second warm-up would have been started by one of the calls above: once every warm-up
        // thread has ended, the count is final, on any machine.
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("runserverplus-console-warm-up")) {
                thread.join(TimeUnit.MINUTES.toMillis(1));
            }
        }
        assertThat(provider.warmUps).hasValue(1);
        assertThat(provider.starts).hasValue(1);
    }
}
