package dev.sweep.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.Side;
import dev.sweep.feed.BookStateChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A book rebuilt from its events, on times of the test's. */
class RebuiltBookTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long STALE_AFTER = 15 * SECOND;
    private static final String SILENT = "no events from Kafka for 15 s";

    private final List<BookStateChange> changes = new ArrayList<>();
    private final RebuiltBook book = new RebuiltBook("kraken", Instrument.of("BTC-USD"), changes::add);

    @Test
    void heartbeatsKeepAQuietBookLiveAndTheirEndMakesItStale() {
        book.apply(BookEvents.levels(BookEvent.Type.SNAPSHOT, "kraken", 7, 1,
                List.of(new LevelChange(Side.BID, 100, 5))), 0);
        book.apply(BookEvents.state("kraken", "BTC-USD", 7, 2, BookState.LIVE, "1 bids, 0 asks"), 10 * SECOND);
        book.checkSilence(20 * SECOND, STALE_AFTER, SILENT);
        assertThat(book.state()).isEqualTo(BookState.LIVE);

        book.checkSilence(26 * SECOND, STALE_AFTER, SILENT);
        assertThat(book.state()).isEqualTo(BookState.STALE);

        book.apply(BookEvents.state("kraken", "BTC-USD", 7, 3, BookState.LIVE, "1 bids, 0 asks"), 27 * SECOND);
        assertThat(changes).extracting(BookStateChange::to, BookStateChange::reason).containsExactly(
                tuple(BookState.LIVE, "1 bids, 0 asks from Kafka"),
                tuple(BookState.STALE, SILENT),
                tuple(BookState.LIVE, "1 bids, 0 asks"));
    }

    @Test
    void aBookThatHearsOfItsPublishersWholeBookWithoutItsSnapshotWantsOneUntilItIsLoaded() {
        book.apply(BookEvents.state("kraken", "BTC-USD", 7, 2, BookState.SYNCING, "connecting"), SECOND);
        assertThat(book.snapshotWanted()).isEmpty();

        book.apply(BookEvents.state("kraken", "BTC-USD", 7, 3, BookState.LIVE, "1 bids, 0 asks"), 2 * SECOND);
        book.apply(BookEvents.levels(BookEvent.Type.DELTA, "kraken", 7, 4, List.of(new LevelChange(Side.BID, 99, 1))),
                3 * SECOND);
        assertThat(book.snapshotWanted()).hasValue(2 * SECOND);
        assertThat(book.state()).isEqualTo(BookState.SYNCING);

        assertThat(book.rebuild(BookEvents.levels(BookEvent.Type.SNAPSHOT, "kraken", 7, 3,
                List.of(new LevelChange(Side.BID, 100, 5))), 4 * SECOND)).isTrue();
        assertThat(book.snapshotWanted()).isEmpty();
        assertThat(book.state()).isEqualTo(BookState.LIVE);
    }

    @Test
    void aSnapshotFromBeforeThePublishersBookStoppedBeingWholeDoesNotRebuildIt() {
        book.apply(BookEvents.levels(BookEvent.Type.SNAPSHOT, "kraken", 7, 1,
                List.of(new LevelChange(Side.BID, 100, 5))), 0);
        book.apply(BookEvents.state("kraken", "BTC-USD", 7, 2, BookState.BROKEN, "checksum"), SECOND);
        book.apply(BookEvents.state("kraken", "BTC-USD", 7, 3, BookState.LIVE, "1 bids, 0 asks"), 2 * SECOND);

        assertThat(book.snapshotWanted()).hasValue(2 * SECOND);
        assertThat(book.rebuild(BookEvents.levels(BookEvent.Type.SNAPSHOT, "kraken", 7, 1,
                List.of(new LevelChange(Side.BID, 100, 5))), 3 * SECOND)).isFalse();
        assertThat(book.state()).isEqualTo(BookState.BROKEN);
    }
}
