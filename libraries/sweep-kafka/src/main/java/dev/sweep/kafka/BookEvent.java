package dev.sweep.kafka;

import dev.sweep.core.BookState;
import java.util.List;
import java.util.Objects;

/**
 * One event of one book on the events topic, keyed {@code VENUE:SYMBOL} (FORMAT.md): a whole book, one venue
 * frame's level changes, or a change of state.
 *
 * @param type            what the event is
 * @param venue           the venue's name
 * @param symbol          the instrument, written one way for every venue ({@code BTC-USD})
 * @param epoch           the book's epoch: a new one at every (re)sync, larger than every epoch before it
 * @param seq             the event's number in its epoch: the epoch's first SNAPSHOT is 1, then each event adds 1
 * @param venueSeq        the venue's own sequence number for the frame, or {@link #NONE}
 * @param receiveNanos    when the frame was received, nanoseconds since the Unix epoch
 * @param venueNanos      when the venue says the frame was sent, nanoseconds since the Unix epoch, or {@link #NONE}
 * @param priceScale      the decimal places of every price of the event
 * @param sizeScale       the decimal places of every size of the event
 * @param levels          SNAPSHOT: every level of the book; DELTA: the changes, applied together; STATE: none
 * @param state           STATE: the book's new state; SNAPSHOT and DELTA: {@link BookState#LIVE}
 * @param reason          STATE: why, for people; otherwise empty
 * @param eventsOffset    on the snapshots topic: the events-topic offset of this very SNAPSHOT; otherwise {@link #NONE}
 */
public record BookEvent(Type type, String venue, String symbol, long epoch, long seq, long venueSeq,
                        long receiveNanos, long venueNanos, int priceScale, int sizeScale, List<LevelChange> levels,
                        BookState state, String reason, long eventsOffset) {

    /** What a field the venue does not send, or that does not apply, holds. */
    public static final long NONE = -1;

    /** The kinds of event. */
    public enum Type {
        /** The whole book: it replaces what the reader held. */
        SNAPSHOT,
        /** The level changes of one venue frame, applied together. */
        DELTA,
        /** The book's state changed: {@link BookEvent#state()} and {@link BookEvent#reason()}. */
        STATE
    }

    public BookEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        levels = List.copyOf(levels);
        if (type == Type.STATE && !levels.isEmpty()) {
            throw new IllegalArgumentException("a STATE event carries no levels");
        }
    }

    /** The record key of the book's events: {@code VENUE:SYMBOL}, so that one book's events stay in order. */
    public String key() {
        return key(venue, symbol);
    }

    public static String key(String venue, String symbol) {
        return venue + ":" + symbol;
    }

    /** This event as the snapshots topic holds it: pointing at its own offset on the events topic. */
    public BookEvent at(long offset) {
        return new BookEvent(type, venue, symbol, epoch, seq, venueSeq, receiveNanos, venueNanos, priceScale,
                sizeScale, levels, state, reason, offset);
    }
}
