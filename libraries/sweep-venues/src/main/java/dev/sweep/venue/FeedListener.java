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

    /**
     * A venue with {@link Venue#restSnapshots()} wants a book's snapshot: fetch it, and hand the body or the reason
     * it could not be had to the adapter ({@link FeedAdapter#onSnapshot}, {@link FeedAdapter#onSnapshotFailed}),
     * later, not from within this call.
     *
     * @param attempt 0 for the book's first snapshot on this connection, then 1, 2, …: wait longer the higher it is
     * @param reason  why: the subscription, or what was wrong with the last attempt
     */
    default void onSnapshotWanted(VenueBook book, int attempt, String reason) {
        // Only venues whose snapshots come over REST ask; a listener that connects none has nothing to fetch.
    }
}
