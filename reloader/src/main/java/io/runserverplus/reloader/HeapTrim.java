package io.runserverplus.reloader;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gives back to the OS the heap a compile grew: javac allocates tens of megabytes of short-lived
 * objects, the collector keeps the heap it grew to, and the supervisor then holds 150-190 MB
 * while it waits for the next save. {@value #DELAY_MILLIS} ms after the last compile (once the
 * restarted app has started, so the collection does not compete with it for the cores) one full
 * collection runs with the heap's free-ratio bounds lowered for it, which makes the collector
 * uncommit the free heap; the bounds are put back afterwards. Then the C heap javac's jar reading
 * left free is given back too ({@code jcmd <pid> System.trim_native_heap}, through the platform's
 * diagnostic-command bean): 10-15 MB more. The supervisor's own JVM options are not changed: its
 * children get them (see {@link ChildCommand}).
 */
final class HeapTrim {

    static final long DELAY_MILLIS = 3_000;
    /** Free heap kept after the trim, in % of the heap: room for the next compile's first objects. */
    private static final String MIN_FREE = "10";
    private static final String MAX_FREE = "20";

    private final AtomicLong generation = new AtomicLong();

    /** After a compile: trims in {@value #DELAY_MILLIS} ms unless another compile comes first. */
    void afterCompile() {
        long mine = generation.incrementAndGet();
        Thread.ofVirtual().name("runserverplus-heap-trim").start(() -> {
            try {
                Thread.sleep(DELAY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (generation.get() == mine) {
                trim();
            }
        });
    }

    /** One full collection that uncommits the free heap; does nothing where the flags are not there. */
    static void trim() {
        collect();
        trimNativeHeap();
    }

    private static void collect() {
        HotSpotDiagnosticMXBean hotSpot;
        String min;
        String max;
        try {
            hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            min = hotSpot.getVMOption("MinHeapFreeRatio").getValue();
            max = hotSpot.getVMOption("MaxHeapFreeRatio").getValue();
        } catch (RuntimeException | LinkageError noSuchFlags) {
            System.gc();
            return;
        }
        try {
            // Lowered minimum first, raised maximum first: each step keeps min <= max.
            hotSpot.setVMOption("MinHeapFreeRatio", MIN_FREE);
            hotSpot.setVMOption("MaxHeapFreeRatio", MAX_FREE);
            System.gc();
        } catch (RuntimeException refused) {
            System.gc();
        } finally {
            try {
                hotSpot.setVMOption("MaxHeapFreeRatio", max);
                hotSpot.setVMOption("MinHeapFreeRatio", min);
            } catch (RuntimeException e) {
                // left as they were set, or as they were
            }
        }
    }

    /** glibc's {@code malloc_trim}, where the JVM offers it (JDK 21 and later on Linux); else nothing. */
    private static void trimNativeHeap() {
        try {
            var name = new ObjectName("com.sun.management:type=DiagnosticCommand");
            ManagementFactory.getPlatformMBeanServer().invoke(name, "systemTrimNativeHeap", new Object[0], new String[0]);
        } catch (JMException | RuntimeException | LinkageError notOffered) {
            // a JVM without the command, or another platform: the C heap stays as it is
        }
    }
}
