package dev.sweep.venue;

import dev.sweep.core.BookState;

/**
 * What a connection's books and its {@link FeedAdapter} report besides the levels themselves (which go to
 * {@link BookListener}s). Called on the connection's thread, in the order things happen; implementations must not
 * throw. Every method does nothing unless overridden: a listener takes the events it needs.
 */
public interface FeedListener {

    /** The venue confirmed a subscription. */
    default void onSubscribed(VenueBook book) {
    }

    /**
     * A book's state changed: emitted once per change, by {@link VenueBooks} where the state changes, so that nothing
     * has to compare states to learn of it. The book already holds the new state. A book that becomes
     * {@link BookState#BROKEN} needs a resubscription (or a new connection) to get a fresh snapshot.
     *
     * @param cause  why, as a value to count by
     * @param reason why, for people: a check that failed, a silence, the venue's refusal, a connection's fate
     */
    default void onBookState(VenueBook book, BookState from, BookState to, StateCause cause, String reason) {
    }

    /** The venue showed it is alive without changing a book (heartbeat, pong). */
    default void onHeartbeat() {
    }

    /**
     * The venue asked for heartbeat {@code id} to be answered ({@link KeepAlive.Rule#ANSWER_HEARTBEAT}): the
     * connection sends {@link Venue#heartbeatAnswer} of it at once, or the venue drops the connection. The request
     * is reported as a heartbeat too.
     */
    default void onHeartbeatRequest(long id) {
    }

    /**
     * The venue announced that it will soon close the connection (Binance's {@code serverShutdown}, before maintenance):
     * the books are still good until it does, and a new connection should take over before then.
     */
    default void onCloseAnnounced(String reason) {
    }

    /** The venue reported an error (an unknown symbol, a refused subscription). */
    default void onVenueError(String message) {
    }

    /** A frame was not applied; the books it concerned, if any, were reported broken separately. */
    default void onFrameRejected(String reason) {
    }

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
