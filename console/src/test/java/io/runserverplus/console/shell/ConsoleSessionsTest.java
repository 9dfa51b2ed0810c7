package io.runserverplus.console.shell;

import io.runserverplus.spi.EvalResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Limits: time, output, number of sessions; and the cost of the first evaluation after warm-up. */
class ConsoleSessionsTest {

    /**
     * Long enough for a quick evaluation while another session loops, even on a loaded machine (load
     * average 10 on 2 cores made 1 s too short), and short enough that waiting for it twice (a loop, a
     * sleep) and once more plus the grace to stop (a stuck snippet) keeps these tests quick.
     */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(3);
    private static ConsoleSessions sessions;

    @BeforeAll
    static void warmUp() {
        sessions = new ConsoleSessions(ConsoleConfig.defaults().withTimeLimit(TIME_LIMIT)
                .withOutputLimit(1000).withMaxSessions(2));
        long start = System.nanoTime();
        sessions.warmUp().join();
        System.out.printf("[timing] warm-up (first JShell + representative inputs): %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    static void close() {
        sessions.close();
    }

    @Test
    void firstEvaluationAfterWarmUpAnswers() {
        long start = System.nanoTime();
        ConsoleSession s = sessions.open("first", null, null);
        EvalResult r = s.eval("6 * 7");
        long ms = (System.nanoTime() - start) / 1_000_000;
        // Printed, not asserted: how long it takes depends on the machine (benchmarks/ measures it).
        System.out.printf("[timing] open + first eval after warm-up: %d ms%n", ms);
        assertThat(r.value()).isEqualTo("42");
    }

    @Test
    void theNextSpareIsMadeAfterTheOpenedConsolesFirstEvaluation() {
        try (ConsoleSessions own = new ConsoleSessions(ConsoleConfig.defaults())) {
            ConsoleSession s = own.open("spare", null, null);
            assertThat(own.hasSpare()).as("right after open").isFalse();
            assertThat(s.eval("20 + 22").value()).isEqualTo("42");
            assertThat(own.hasSpare()).as("after the first evaluation").isTrue();
            own.warmUp().join();
        }
    }

    @Test
    void aLoopIsStoppedAtTheTimeLimitWhileAnotherSessionKeepsWorking() throws InterruptedException {
        ConsoleSession looping = sessions.open("loop", null, null);
        ConsoleSession other = sessions.open("other", null, null);
        other.eval("0"); // compiled once, so the evaluation below is not a cold JShell's first, racing the limit
        sessions.warmUp().join(); // the spare JShell that evaluation set off does not compete for the CPUs below
        Probe.looping = new CountDownLatch(1);
        CompletableFuture<EvalResult> loop = CompletableFuture.supplyAsync(
                () -> looping.eval("while (true) { io.runserverplus.console.shell.Probe.looping.countDown(); }"));
        assertThat(Probe.looping.await(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS)).as("the loop runs").isTrue();
        EvalResult quick = other.eval("40 + 2");
        assertThat(quick.value()).isEqualTo("42");
        assertThat(loop).as("still looping while the other session answered").isNotDone();
        EvalResult stopped = loop.join();
        assertThat(stopped.status()).isEqualTo(EvalResult.Status.TIMEOUT);
        assertThat(stopped.error()).contains("longer than 3 s");
        assertThat(stopped.elapsed()).as("stopped at the time limit, within the grace to stop")
                .isBetween(TIME_LIMIT, TIME_LIMIT.plusSeconds(3));
        // the session still works afterwards
        assertThat(looping.eval("1 + 1").value()).isEqualTo("2");
        EvalResult sleeping = looping.eval("Thread.sleep(60_000)");
        assertThat(sleeping.status()).isEqualTo(EvalResult.Status.TIMEOUT);
        assertThat(looping.isClosed()).isFalse();
    }

    @Test
    void aSessionStuckInCodeThatCannotBeStoppedIsClosed() {
        ConsoleSession stuck = sessions.open("stuck", null, null);
        try {
            EvalResult r = stuck.eval("io.runserverplus.console.shell.Probe.waitIgnoringInterrupts()");
            assertThat(r.status()).isEqualTo(EvalResult.Status.TIMEOUT);
            assertThat(r.error()).contains("could not be stopped");
            assertThat(stuck.isClosed()).isTrue();
            assertThat(sessions.get("stuck")).isEmpty();
            assertThat(sessions.ids()).doesNotContain("stuck");
        } finally {
            Probe.released = true;
        }
    }

    @Test
    void outputIsCutSayingHowMuch() {
        ConsoleSession s = sessions.open("output", null, null);
        EvalResult r = s.eval("System.out.print(\"x\".repeat(5000))");
        assertThat(r.output()).startsWith("x".repeat(1000)).endsWith("\n[output cut: 4000 more bytes]");
    }

    @Test
    void theLeastRecentlyUsedSessionIsClosedWhenMoreAreOpened() {
        ConsoleSession a = sessions.open("a", null, null);
        ConsoleSession b = sessions.open("b", null, null);
        assertThat(sessions.open("a", null, null)).isSameAs(a); // a is now the most recently used
        ConsoleSession c = sessions.open("c", null, null);
        assertThat(b.isClosed()).isTrue();
        assertThat(a.isClosed()).isFalse();
        assertThat(sessions.ids()).containsExactly("a", "c");
        assertThat(sessions.get("b")).isEmpty();
        assertThat(b.eval("1").status()).isEqualTo(EvalResult.Status.CLOSED);
        assertThat(c.eval("1").value()).isEqualTo("1");
    }
}
