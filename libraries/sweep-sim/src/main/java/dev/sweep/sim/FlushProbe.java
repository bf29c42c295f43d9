package dev.sweep.sim;

/**
 * Told when each frame of a market update went out, so that a benchmark can split a client's latency into the
 * simulator's own part and the rest (loopback, the client). Called on the simulator's loop once per frame, after the
 * flush that handed it to the socket: it must be quick, allocate nothing and not throw.
 */
@FunctionalInterface
public interface FlushProbe {

    /** Tells nobody. */
    FlushProbe NONE = (venue, dueNanos, writtenNanos, flushedNanos) -> { };

    /**
     * One update's frame, all times on the simulator's clock ({@link SimClock}).
     *
     * @param venue        the venue whose session sent it
     * @param dueNanos     when the market step it carries was due: the time the frame itself carries
     * @param writtenNanos when the frame was written to the connection, not yet flushed
     * @param flushedNanos when the flush that took it to the socket returned (with a client that does not read, it
     *                     may still wait in the connection's buffer then)
     */
    void onFlushed(String venue, long dueNanos, long writtenNanos, long flushedNanos);
}
