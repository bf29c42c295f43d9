package dev.sweep.feed;

import dev.sweep.core.BookState;
import dev.sweep.core.OrderBook;
import dev.sweep.venue.Venues;

/**
 * A consistent copy of one venue's book, taken on its connection's thread, with what a user must know to trust it.
 *
 * @param venue       the venue
 * @param state       the book's state when copied; only {@link BookState#LIVE} books are swept
 * @param verified    whether the venue's feed lets a client prove the book whole (a checksum, sequence numbers):
 *                    a book of a feed with nothing to check is shown as unverified, never as equal to a verified one
 * @param book        the levels when copied (empty unless live or stale)
 * @param ageNanos    time since the last update was applied, or -1 before the first
 * @param updates     snapshots and updates applied since the feed started
 * @param resyncs     times the book had to be rebuilt
 * @param lastProblem the last connection or integrity problem, or null
 */
public record BookView(String venue, BookState state, boolean verified, OrderBook book, long ageNanos, long updates,
                       long resyncs, String lastProblem) {

    /**
     * A book read from a file, as a live one: it is what the file says; verified if its venue's feed can be (a book
     * file of a venue the registry does not know is unverified).
     */
    public static BookView fromFile(OrderBook book) {
        return new BookView(book.venue(), BookState.LIVE, Venues.isVerified(book.venue()), book, -1, 1, 0, null);
    }

    public boolean isLive() {
        return state == BookState.LIVE;
    }
}
