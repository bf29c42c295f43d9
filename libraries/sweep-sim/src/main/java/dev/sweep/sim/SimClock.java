package dev.sweep.sim;

import java.time.Instant;

/**
 * The simulator's one clock, in nanoseconds since the epoch: it paces the market and times every frame, heartbeat,
 * deadline and stall. Injected through {@link SimulatorConfig}, so that a test can move time instead of waiting.
 */
@FunctionalInterface
public interface SimClock {

    long epochNanos();

    /** The wall-clock time at this call, advanced by {@link System#nanoTime()}: precise and never going back. */
    static SimClock system() {
        Instant start = Instant.now();
        long startEpochNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
        long startNanoTime = System.nanoTime();
        return () -> startEpochNanos + (System.nanoTime() - startNanoTime);
    }
}
