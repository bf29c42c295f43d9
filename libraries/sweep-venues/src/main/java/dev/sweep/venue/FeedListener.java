package dev.sweep.venue;

/**
 * What a {@link FeedAdapter} reports besides the books themselves. Called on the connection's thread, in the order
 * things happen; implementations must not throw.
 */
public interface FeedListener {

    /** The venue confirmed a subscription. */
    void onSubscribed(VenueBook book);

    /** A book became {@link dev.sweep.core.BookState#LIVE}: a snapshot arrived and passed every check. */
    void onBookLive(VenueBook book);

    /**
     * A book failed an integrity check and is now {@link dev.sweep.core.BookState#BROKEN}: the connection must
     * resubscribe (or reconnect) to get a fresh snapshot.
     */
    void onBookBroken(VenueBook book, String reason);

    /** The venue showed it is alive without changing a book (heartbeat, pong). */
    void onHeartbeat();

    /** The venue reported an error (an unknown symbol, a refused subscription). */
    void onVenueError(String message);

    /** A frame was not applied; the books it concerned, if any, were reported broken separately. */
    void onFrameRejected(String reason);
}
