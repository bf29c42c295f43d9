package dev.sweep.venue;

import dev.sweep.core.Side;

/**
 * The level changes of a connection's books, as its adapter hands them over once a frame was decoded whole: for each
 * book the frame concerns, a snapshot ({@link #onSnapshot} then its levels) or an update (its levels), ended by
 * {@link #onApplied}. The connection's live book ({@link VenueBooks}) is one listener; others (a recorder, a
 * publisher) are attached with {@link VenueBooks#attach}, without touching any adapter, and see only the changes that
 * passed every check, including the deletions of levels the subscribed depth cut.
 *
 * <p>A listener learns that a book broke, or waits for a fresh snapshot, from the book's state events
 * ({@link FeedListener#onBookState}), not here: its levels stay as they were until the next {@link #onSnapshot}.
 *
 * <p>Called on the connection's thread, in the order of the frames. Implementations must not throw, and should not
 * allocate per call: the decode and apply path allocates nothing per message, and a listener is on it.
 */
public interface BookListener {

    /** A venue sequence or a venue time the venue does not send. */
    long NONE = -1;

    /** A snapshot of the book starts: the levels that follow, up to {@link #onApplied}, are the whole book. */
    void onSnapshot(VenueBook book);

    /** The total size at a price level of the book: size 0 deletes the level (deleting an absent level is nothing). */
    void onLevel(VenueBook book, Side side, long price, long size);

    /**
     * The snapshot or update of the book is complete.
     *
     * @param receiveNanos when its frame was received ({@link System#nanoTime()} scale)
     * @param venueSeq     the venue's own sequence number of the message (its adapter says which), or
     *                     {@link #NONE}
     * @param venueNanos   when the venue says it sent the message, nanoseconds since 1970 by the venue's clock, or
     *                     {@link #NONE}
     */
    void onApplied(VenueBook book, long receiveNanos, long venueSeq, long venueNanos);
}
