package dev.sweep.sim;

import io.netty.channel.EventLoop;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Paces a loop on Java's selector, which waits in whole milliseconds: without this a fast market would go out in one
 * burst a millisecond, and the last frame of each burst would wait for every frame before it. A thread of its own that
 * parks for {@link #PACE_NANOS}, which the kernel's timer slack (50 µs by default on Linux) stretches to about 70 µs,
 * then wakes the loop: a fast market goes out in small batches spread over each millisecond, and the loop itself
 * never spins.
 */
final class ParkingPacer implements MarketPacer {

    private static final long PACE_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

    private final EventLoop loop;
    private final Runnable pace;
    /**
     * A pace task waits on the loop or runs there: no other is queued until it has run, so that the loop, which runs
     * every task queued before it turns back to its sockets, always reads them between two paces, however long a pace
     * takes when the market is too fast for the loop.
     */
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean closed;

    private ParkingPacer(EventLoop loop, Runnable pace) {
        this.loop = loop;
        this.pace = pace;
        this.thread = new Thread(this::run, "sweep-sim-pacer");
        thread.setDaemon(true);
    }

    /** Runs {@code pace} on {@code loop} about every 70 µs until closed. */
    static ParkingPacer start(EventLoop loop, Runnable pace) {
        ParkingPacer pacer = new ParkingPacer(loop, pace);
        pacer.thread.start();
        return pacer;
    }

    private void run() {
        while (!closed) {
            LockSupport.parkNanos(PACE_NANOS);
            if (queued.compareAndSet(false, true)) {
                try {
                    loop.execute(() -> {
                        try {
                            pace.run();
                        } finally {
                            queued.set(false);
                        }
                    });
                } catch (RejectedExecutionException e) {
                    return; // the loop is shutting down: so is the simulator
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
