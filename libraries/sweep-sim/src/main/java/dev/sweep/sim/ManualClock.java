package dev.sweep.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to: a test advances it past a heartbeat interval, a deadline or a stall and
 * sees the simulator act on its next tick, without waiting for real time to pass. Thread-safe.
 */
public final class ManualClock implements SimClock {

    private final AtomicLong epochNanos;

    public ManualClock(Instant start) {
        this.epochNanos = new AtomicLong(start.getEpochSecond() * 1_000_000_000L + start.getNano());
    }

    @Override
    public long epochNanos() {
        return epochNanos.get();
    }

    public void advance(Duration duration) {
        epochNanos.addAndGet(duration.toNanos());
    }
}
