package io.runserverplus.reloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapTrimTest {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    @Test
    void theHeapAGarbageHeavyCompileGrewIsGivenBackAndTheJvmsSettingsStayAsTheyWere() throws Exception {
        var hotSpot = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        String min = hotSpot.getVMOption("MinHeapFreeRatio").getValue();
        String max = hotSpot.getVMOption("MaxHeapFreeRatio").getValue();
        growTheHeap(); // as javac does: tens of megabytes, all garbage afterwards
        long grown = memory.getHeapMemoryUsage().getCommitted();

        HeapTrim.trim();

        long trimmed = memory.getHeapMemoryUsage().getCommitted();
        assertThat(grown).as("the heap grew").isGreaterThan(150L << 20);
        assertThat(trimmed).as("committed heap after the trim, %d MB before", grown >> 20).isLessThan(grown / 2);
        assertThat(hotSpot.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(min);
        assertThat(hotSpot.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(max);
    }

    /** Live data of 150 MB, then none: the collector grows the heap and keeps it. */
    private void growTheHeap() {
        List<byte[]> live = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            live.add(new byte[1 << 20]);
        }
        assertThat(live).hasSize(150);
        live.clear();
    }
}
