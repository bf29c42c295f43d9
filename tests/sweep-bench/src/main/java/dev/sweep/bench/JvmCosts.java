package dev.sweep.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import com.sun.management.OperatingSystemMXBean;

/**
 * What this JVM has spent so far: CPU time, and garbage collections, all collectors together. Taken before and after a
 * run, the difference says how much of it fell into the run.
 *
 * @param cpuNanos    CPU time of the whole process, every thread, since it started
 * @param collections collections since the JVM started
 * @param millis      the time they took, as the collectors report it
 */
record JvmCosts(long cpuNanos, long collections, long millis) {

    static JvmCosts now() {
        long collections = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
        return new JvmCosts(cpu, collections, millis);
    }

    /** What was spent since {@code before}. */
    JvmCosts since(JvmCosts before) {
        return new JvmCosts(cpuNanos - before.cpuNanos, collections - before.collections, millis - before.millis);
    }

    /** Cores busy on average over {@code seconds}, and the collections, e.g. {@code 0.45 cores, 2 GCs (9 ms)}. */
    String describe(double seconds) {
        return String.format(Locale.ROOT, "%.2f cores, %d GCs (%d ms)", cpuNanos / 1e9 / seconds, collections,
                millis);
    }
}
