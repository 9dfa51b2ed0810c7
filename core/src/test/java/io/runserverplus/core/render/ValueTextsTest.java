package io.runserverplus.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.CapturedVariable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ValueTextsTest {

    /** Counted down after each test, so the abandoned renderer threads end. */
    private final CountDownLatch never = new CountDownLatch(1);
    private final Object stuck = new Object() {
        @Override
        public String toString() {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "late";
        }
    };
    private final Function<Object, String> render = String::valueOf;

    @AfterEach
    void release() {
        never.countDown();
    }

    @Test
    void fastValuesAreRenderedInOneHandOver() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        List<CapturedVariable> vars = List.of(variable("a", 1), variable("b", "two"), variable("c", null));
        Function<Object, String> noting = value -> {
            threads.add(Thread.currentThread());
            return render.apply(value);
        };

        ValueTexts texts = ValueTexts.of(vars, noting, Duration.ofSeconds(30), Duration.ofSeconds(30));

        assertThat(vars.stream().map(texts::text)).containsExactly("1", "two", "null");
        assertThat(threads).hasSize(1).doesNotContain(Thread.currentThread());
    }

    @Test
    void aStuckValueIsSaidToTakeTooLongAndTheOthersAreStillRendered() {
        List<CapturedVariable> vars = List.of(variable("a", 1), variable("s", stuck), variable("b", 2));

        ValueTexts texts = ValueTexts.of(vars, render, Duration.ofMillis(500), Duration.ofSeconds(30));

        assertThat(vars.stream().map(texts::text)).containsExactly("1",
                "<toString() took too long (" + stuck.getClass().getName() + ")>", "2");
    }

    @Test
    void pastThePageBudgetTheRestIsNotWaitedFor() {
        List<CapturedVariable> vars = List.of(variable("s1", stuck), variable("s2", stuck), variable("a", 1));

        ValueTexts texts = ValueTexts.of(vars, render, Duration.ofMillis(400), Duration.ofMillis(600));

        String tooLong = "<toString() took too long (" + stuck.getClass().getName() + ")>";
        assertThat(vars.stream().map(texts::text)).containsExactly(tooLong, tooLong,
                "<toString() took too long (java.lang.Integer)>");
    }

    @Test
    void aFailingRenderIsSaidBroken() {
        Function<Object, String> failing = value -> {
            throw new IllegalStateException("no");
        };

        CapturedVariable a = variable("a", 1);

        ValueTexts texts = ValueTexts.of(List.of(a), failing, Duration.ofSeconds(30), Duration.ofSeconds(30));

        assertThat(texts.text(a)).isEqualTo("<broken toString (java.lang.IllegalStateException: no)>");
    }

    private static CapturedVariable variable(String name, Object value) {
        return new CapturedVariable(name, null, value);
    }
}
