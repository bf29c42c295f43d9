package dev.sweep.sim;

import io.netty.channel.EventLoop;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the simulator's pace of a fast market on its loop between the loop's 1 ms ticks, so that the market goes out
 * in small batches spread over each millisecond rather than in one burst a millisecond, in which the last frame waits
 * for every frame before it.
 */
interface MarketPacer extends AutoCloseable {

    /** Below this many steps a second the 1 ms tick makes a handful of steps at a time: no pacer is needed. */
    long STEPS_PER_SECOND = 10_000;

    /**
     * How often a loop on epoll paces itself: its timer wakes it to the microsecond, with no thread of its own and no
     * wake-up from another. A few steps a pace at the rates measured (50,000 to 100,000 a second over every book).
     */
    long LOOP_PACE_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    /**
     * Runs {@code pace} on {@code loop} many times a millisecond until closed: on a timer of the loop's own when it runs
     * on epoll, else woken by a {@link ParkingPacer}. A pace is never queued while another waits or runs, so that the
     * loop reads its sockets between two paces however long a pace takes.
     */
    static MarketPacer start(EventLoop loop, Runnable pace) {
        if (Transport.isEpoll(loop)) {
            // With a fixed delay, the next pace is timed from the end of this one: never two in a row.
            ScheduledFuture<?> paces = loop.scheduleWithFixedDelay(pace, LOOP_PACE_NANOS, LOOP_PACE_NANOS,
                    TimeUnit.NANOSECONDS);
            return () -> paces.cancel(false);
        }
        return ParkingPacer.start(loop, pace);
    }

    /** Stops pacing: at most a pace already queued still runs. */
    @Override
    void close();
}
