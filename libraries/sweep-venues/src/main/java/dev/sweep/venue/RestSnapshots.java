package dev.sweep.venue;

import dev.sweep.core.Instrument;
import dev.sweep.venue.server.MarketView;
import dev.sweep.venue.server.RestAnswer;
import java.time.Duration;

/**
 * How a venue whose WebSocket carries only diffs serves the snapshots its books start from, over HTTPS at its
 * {@linkplain VenueDescriptor#rest() REST endpoint} (Binance; Bitstamp; OKX once its in-band snapshot is gone). The
 * venue's adapter asks for a book's snapshot ({@link FeedListener#onSnapshotWanted}), the feed fetches it and hands
 * the body back ({@link FeedAdapter#onSnapshot}), and the adapter splices it into the diffs with a
 * {@link SnapshotSplice}. The simulator answers the same requests with {@link #answer}, from its truth books.
 */
public interface RestSnapshots {

    /**
     * The request for an instrument's snapshot, appended to the REST endpoint: a path and a query, such as
     * {@code /api/v3/depth?symbol=BTCUSDT&limit=5000}.
     */
    String request(Instrument instrument);

    /**
     * The least time between two requests for one book's snapshot, retries included: what the venue's request-weight
     * and rate limits allow.
     */
    Duration minInterval();

    /** Most updates of one book kept while its snapshot is on its way: one more breaks the book, which resyncs. */
    int maxBufferedUpdates();

    /**
     * The venue's answer to a request written by {@link #request}, for the simulator: pure, read from {@code market}.
     * An unknown instrument or a malformed request gets the venue's error.
     *
     * @param nowNanos the simulator's clock, nanoseconds since 1970: the time on an answer that carries one
     */
    RestAnswer answer(String request, MarketView market, long nowNanos);
}
