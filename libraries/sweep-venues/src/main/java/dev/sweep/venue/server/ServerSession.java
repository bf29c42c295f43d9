package dev.sweep.venue.server;

import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import java.util.List;
import java.util.Optional;

/**
 * One client connection's server side of a venue's protocol: the dialect the simulator speaks at the venue's path.
 * Pure: it reads the client's requests and writes the venue's frames through its {@link ServerContext}, with no
 * network in it, so that it can be driven by the simulator over WebSockets or directly by a test.
 *
 * <p>Every call carries the time ({@code nowNanos}, nanoseconds since the epoch, from the host's one clock); a
 * session reads no clock of its own. Called on the host's thread only, in the order things happen.
 */
public interface ServerSession {

    /** The connection opened: what the venue sends unasked (a status frame), if anything. */
    void onOpen(long nowNanos);

    /** A text frame from the client: a request to answer, or to refuse with the venue's error. */
    void onRequest(String text, long nowNanos);

    /** A trade on the venue's market, just before the book changes it made. Venues without a trade feed ignore it. */
    default void onTrade(Instrument instrument, Trade trade, long nowNanos) {
        // Most book feeds carry no trades.
    }

    /**
     * The venue's book of an instrument changed: these levels were set, in this order (size 0 deletes), and
     * {@link ServerContext#book} already holds the result. A session sends what its client subscribed to; before an
     * update it asks {@link ServerContext#nextFault} which fault, if any, the update must carry.
     */
    void onBookChange(Instrument instrument, List<Level> changes, long nowNanos);

    /**
     * The frame by which the venue announces that it will soon close the connection (Binance's {@code serverShutdown}),
     * if it has one.
     */
    default Optional<String> closeAnnouncement(long nowNanos) {
        return Optional.empty();
    }

    /** Called about every millisecond: heartbeats, deadlines. */
    void onTimer(long nowNanos);
}
