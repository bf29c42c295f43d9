package dev.sweep.venue;

/**
 * Decodes the text frames of one connection and applies them to that connection's books.
 *
 * <p>Totality: {@link #onFrame} never throws, whatever the bytes. A frame is checked whole before any of it is
 * applied, so a malformed frame leaves every book as it was; a book that may have missed data because of it is
 * marked broken. Steady-state frames allocate nothing. Not thread-safe: the connection's thread only.
 */
public interface FeedAdapter {

    /**
     * Decodes one complete text frame.
     *
     * @param buffer       holds the frame's UTF-8 bytes; not retained after the call
     * @param offset       where the frame starts
     * @param length       the frame's length in bytes
     * @param receiveNanos when the frame was received ({@link System#nanoTime()} scale), stamped on updated books
     */
    void onFrame(byte[] buffer, int offset, int length, long receiveNanos);

    /**
     * The body of a book's snapshot, fetched over REST because the adapter asked for it
     * ({@link FeedListener#onSnapshotWanted}). Like a frame, it is checked whole before any of it is applied, and a
     * body that cannot be read is asked for again. A snapshot the adapter did not ask for is ignored.
     *
     * @param book the book it was asked for
     */
    default void onSnapshot(VenueBook book, byte[] buffer, int offset, int length, long receiveNanos) {
        // Venues whose WebSocket carries their snapshots never ask for one.
    }

    /** The book's snapshot could not be fetched, for this reason: the adapter asks again, or breaks the book. */
    default void onSnapshotFailed(VenueBook book, String reason) {
        // Venues whose WebSocket carries their snapshots never ask for one.
    }
}
