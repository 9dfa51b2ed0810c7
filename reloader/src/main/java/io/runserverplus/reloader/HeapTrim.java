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

    /**
     * One full collection with the collector's own free-ratio bounds, then the C heap's trim, on a
     * thread of its own: what the supervisor gives back after a start, when the next save may come
     * a second later. The heap keeps G1's usual room, as a tighter trim there left the next compile
     * a heap so small that javac took 1.3 times as long (212 against 159 ms).
     */
    static void releaseInBackground() {
        Thread.ofVirtual().name("runserverplus-heap-release").start(() -> {
            System.gc();
            trimNativeHeap();
        });
    }

    /**
     * Two full collections that uncommit the free heap, then the C heap's trim. Two, because what
     * the first finds unreachable but finalizable (javac's and the zip file system's objects, which
     * hold most of a compile's garbage) survives it until the finalizer thread has run: with one,
     * 10-17 MB stayed live and the heap kept 33-40 MB instead of 16-20 (measured under
     * {@code --hotswap}, where no restart's collection follows). Does nothing where the flags are
     * not there. One trim at a time: each sets and puts back the same flags.
     */
    static synchronized void trim() {
        collect();
        try {
            Thread.sleep(FINALIZER_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        collect();
        trimNativeHeap();
    }

    /** Between the two collections: the finalizer and cleaner threads release what the first found. */
    private static final long FINALIZER_PAUSE_MILLIS = 100;

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
