package dev.sweep.kafka;

import dev.sweep.core.BookState;
import java.util.List;

/** Compact makers of events for tests. */
final class BookEvents {

    private BookEvents() {
    }

    static BookEvent state(String venue, String symbol, long epoch, long seq, BookState state, String reason) {
        return new BookEvent(BookEvent.Type.STATE, venue, symbol, epoch, seq, BookEvent.NONE, 1_700_000_000_000_000_000L,
                BookEvent.NONE, 8, 10, List.of(), state, reason, BookEvent.NONE);
    }

    static BookEvent levels(BookEvent.Type type, String venue, long epoch, long seq, List<LevelChange> levels) {
        return new BookEvent(type, venue, "BTC-USD", epoch, seq, BookEvent.NONE, 1_700_000_000_000_000_000L,
                BookEvent.NONE, 8, 10, levels, BookState.LIVE, "", BookEvent.NONE);
    }
}
