package dev.sweep.feed;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.venue.StateCause;

/**
 * A change of state of one venue's book, as a value that may leave the connection's thread.
 *
 * @param venue       the venue
 * @param instrument  the book's instrument
 * @param venueSymbol the instrument as the venue writes it
 * @param from        the state before
 * @param to          the state now
 * @param cause       why, as a value to count by
 * @param reason      why, for people
 */
public record BookStateChange(String venue, Instrument instrument, String venueSymbol, BookState from, BookState to,
                              StateCause cause, String reason) {
}
