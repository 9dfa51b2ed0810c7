package io.runserverplus.core.traceback;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.CapturedFrame;
import io.runserverplus.spi.CapturedVariable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Captured frames find their stack trace elements in order, and a stray capture shifts nothing. */
class CapturedFrameMatchTest {

    private static final StackTraceElement[] TRACE = {
        element("a.Stock", "take"), element("java.util.Objects", "requireNonNull"), element("a.Orders", "price"),
        element("a.Orders", "price"), element("a.Orders", "place"),
    };

    @Test
    void eachCaptureMatchesTheNextElementOfItsMethodInOrder() {
        CapturedFrame take = frame("a.Stock", "take", 3);
        CapturedFrame innerPrice = frame("a.Orders", "price", 1);
        CapturedFrame outerPrice = frame("a.Orders", "price", 2);

        List<Optional<CapturedFrame>> aligned = CapturedFrameMatch.align(TRACE, List.of(take, innerPrice, outerPrice));

        assertThat(aligned).containsExactly(Optional.of(take), Optional.empty(), Optional.of(innerPrice),
                Optional.of(outerPrice), Optional.empty());
    }

    @Test
    void aCaptureOfAFrameNotInTheTraceIsLeftOut() {
        CapturedFrame elsewhere = frame("a.Retry", "again", 0);
        CapturedFrame place = frame("a.Orders", "place", 4);

        assertThat(CapturedFrameMatch.align(TRACE, List.of(elsewhere, place)))
                .containsExactly(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(place));
    }

    private static StackTraceElement element(String className, String method) {
        return new StackTraceElement(className, method, null, -1);
    }

    private static CapturedFrame frame(String className, String method, int value) {
        return new CapturedFrame(className, method, "()V", List.of(new CapturedVariable("v", "int", value)));
    }
}
