package io.runserverplus.core.debugger;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.core.traceback.ThrowableInfo;
import io.runserverplus.core.traceback.Traceback;
import io.runserverplus.spi.DebugRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TracebackRegistryTest {

    private final TracebackRegistry registry = new TracebackRegistry();

    @Test
    void aWaitingPollIsAnsweredWhenAFailureIsKept() throws Exception {
        long seen = registry.latest();
        CompletableFuture<Long> poll = CompletableFuture.supplyAsync(() -> {
            try {
                return registry.awaitAfter(seen, 60_000);
            } catch (InterruptedException stopped) {
                throw new IllegalStateException(stopped);
            }
        });

        register("a", "shape-a");

        assertThat(poll.get(30, TimeUnit.SECONDS)).isEqualTo(seen + 1);
    }

    @Test
    void aPollWithNothingNewAnswersTheSameNumberWhenItsTimeIsUp() throws Exception {
        register("a", "shape-a");

        assertThat(registry.awaitAfter(registry.latest(), 10)).isEqualTo(1);
    }

    @Test
    void theListHasOneRowPerShapeNewestFirstWithTheCount() {
        register("a", "shape-a", 1);
        register("b", "shape-b", 1);
        register("c", "shape-a", 2);

        assertThat(registry.newestFirst()).extracting(row -> row.id() + ":" + row.times())
                .containsExactly("c:2", "b:1");
    }

    private void register(String id, String shape) {
        register(id, shape, 1);
    }

    private void register(String id, String shape, long times) {
        ThrowableInfo root = new ThrowableInfo("java.lang.IllegalStateException", Optional.of("broken"), List.of(), 0,
                Optional.empty(), List.of(), false, new IllegalStateException("broken"));
        DebugRequest request = new DebugRequest("GET", "/" + id, "", "HTTP/1.1", false, Map.of(), "127.0.0.1");
        registry.register(new Traceback(id, root, "", Instant.now()), request,
                new TracebackRegistry.Outcome(500, false, new FailureLog.Seen(shape, times)));
    }
}
