package io.runserverplus.console.agent;

import io.runserverplus.spi.CapturedFrame;
import io.runserverplus.spi.CapturedVariable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CapturedFramesTest {
    @Test
    void framesOfOneThrowableInRecordOrderMatchedByIdentity() {
        RuntimeException t = new RuntimeException("x");
        RuntimeException equalButOther = new RuntimeException("x");
        CapturedFrames.record(t, "a/B\ninner\n()V", new Object[0]);
        CapturedFrames.record(equalButOther, "a/B\nother\n()V", new Object[0]);
        CapturedFrames.record(t, "a/B\nouter\n(I)V\nn\nI", new Object[] {5});
        assertThat(CapturedFrames.capturesOf(t)).extracting(CapturedFrames.Capture::site)
                .containsExactly("a/B\ninner\n()V", "a/B\nouter\n(I)V\nn\nI");
        List<CapturedFrame> frames = FrameLocals.of(t);
        assertThat(frames.get(1)).isEqualTo(new CapturedFrame("a.B", "outer", "(I)V",
                List.of(new CapturedVariable("n", "int", 5))));
    }

    @Test
    void theExceptionItselfIsKeptAsAMarkerAndGivenBackAsItself() {
        RuntimeException t = new RuntimeException();
        CapturedFrames.record(t, "a/B\nm\n()V\ne\nLjava/lang/RuntimeException;", new Object[] {t});
        assertThat(CapturedFrames.capturesOf(t).getFirst().values()[0]).isSameAs(CapturedFrames.SELF);
        assertThat(FrameLocals.of(t).getFirst().variables().getFirst().value()).isSameAs(t);
    }

    @Test
    void onlyTheLastThrowablesAndInnermostFramesAreKept() {
        RuntimeException old = new RuntimeException();
        CapturedFrames.record(old, "a/B\nm\n()V", new Object[0]);
        for (int i = 0; i < CapturedFrames.THROWABLES; i++) {
            CapturedFrames.record(new RuntimeException(), "a/B\nm\n()V", new Object[0]);
        }
        assertThat(CapturedFrames.capturesOf(old)).isEmpty();
        RuntimeException deep = new RuntimeException();
        for (int i = 0; i < CapturedFrames.FRAMES_PER_THROWABLE + 50; i++) {
            CapturedFrames.record(deep, "a/B\nm" + i + "\n()V", new Object[0]);
        }
        assertThat(CapturedFrames.capturesOf(deep)).hasSize(CapturedFrames.FRAMES_PER_THROWABLE)
                .first().extracting(CapturedFrames.Capture::site).isEqualTo("a/B\nm0\n()V");
    }

    @Test
    void everyOneOfTheLastThrowablesIsFoundThroughManyEvictions() {
        RuntimeException[] recent = new RuntimeException[CapturedFrames.THROWABLES];
        for (int i = 0; i < 10 * CapturedFrames.THROWABLES; i++) {
            RuntimeException t = new RuntimeException();
            CapturedFrames.record(t, "a/B\nm" + i + "\n()V", new Object[0]);
            recent[i % recent.length] = t;
            RuntimeException oldest = recent[(i + 1) % recent.length];
            if (oldest != null) {
                assertThat(CapturedFrames.capturesOf(oldest)).as("oldest kept at %d", i).hasSize(1);
            }
        }
        for (RuntimeException t : recent) {
            assertThat(CapturedFrames.capturesOf(t)).hasSize(1);
        }
    }

    @Test
    void recordNeverThrows() {
        CapturedFrames.record(null, null, null);
        assertThat(CapturedFrames.capturesOf(null)).isEmpty();
    }
}
