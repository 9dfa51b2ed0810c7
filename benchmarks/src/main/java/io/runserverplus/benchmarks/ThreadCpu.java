package io.runserverplus.benchmarks;

import java.util.Map;

/**
 * CPU time of this JVM's Java threads since the last call, in nanoseconds, split into the
 * request log's writer thread and all others (Jetty's, mostly): {@code writer=N threads=N}.
 * Per thread, so threads that start or end in between are counted for what they used.
 */
final class ThreadCpu {
    private final java.lang.management.ThreadMXBean threads =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private Map<Long, Long> last = Map.of();

    String sinceLastCall() {
        Map<Long, Long> now = new java.util.HashMap<>();
        long writer = 0;
        long others = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long time = threads.getThreadCpuTime(info.getThreadId());
            if (time < 0) {
                continue;
            }
            now.put(info.getThreadId(), time);
            long used = time - last.getOrDefault(info.getThreadId(), 0L);
            if (info.getThreadName().startsWith("runserverplus-request-log")) {
                writer += used;
            } else {
                others += used;
            }
        }
        last = now;
        return "writer=" + writer + " threads=" + others;
    }
}
