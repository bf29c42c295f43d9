package dev.sweep.venue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.Side;
import dev.sweep.venue.FeedEvents.Broken;
import dev.sweep.venue.FeedEvents.Change;
import dev.sweep.venue.FeedEvents.Changed;
import dev.sweep.venue.FeedEvents.Live;
import dev.sweep.venue.FeedEvents.Rejected;
import dev.sweep.venue.FeedEvents.SnapshotWanted;
import dev.sweep.venue.SpliceRule.Join;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The splice of a REST snapshot into a diff stream, with the rule OKX gives for splicing its REST book: an update
 * names the id of the one before it and its own ({@code prevSeqId}, {@code seqId}), which jump; the snapshot holds
 * everything up to its {@code seqId}. Updates and snapshots are staged by hand here, each a bid at a price (in whole
 * dollars) with a size (in whole coins), as an adapter stages them.
 */
class SnapshotSpliceTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final int MAX_BUFFERED = 4;

    /** The first update kept must have {@code prevSeqId <= snapshot's seqId < seqId}; then each names the last. */
    private static final SpliceRule OKX = new SpliceRule() {
        @Override
        public Join joins(long snapshotId, long previous, long id) {
            if (id <= snapshotId) {
                return Join.HELD;
            }
            return previous <= snapshotId ? Join.NEXT : Join.GAP;
        }

        @Override
        public Join follows(long appliedId, long previous, long id) {
            if (id <= appliedId) {
                return Join.HELD;
            }
            return previous == appliedId ? Join.NEXT : Join.GAP;
        }
    };

    private final FeedEvents events = new FeedEvents();
    /** Any venue's books: the splice knows no venue. */
    private final VenueBooks books = Venues.byName("coinbase").orElseThrow().newBooks(List.of(BTC_USD), events);
    private final LevelBatch batch = new LevelBatch();
    private final SnapshotSplice splice = new SnapshotSplice(books, batch, this::apply, OKX, MAX_BUFFERED);
    private long clock;

    @Test
    void bufferedUpdatesTheSnapshotHoldsAreDroppedAndTheRestReplayedOverIt() {
        update(3, 5, 100, 1);
        update(5, 8, 101, 2);
        update(8, 12, 100, 3);
        assertThat(book().state()).isEqualTo(BookState.SYNCING);

        snapshot(7, 100, 9, 99, 4);

        assertThat(levels()).containsExactly("101@2", "100@3", "99@4");
        assertThat(events.events()).containsExactly(new SnapshotWanted("BTC-USD", 0, "first update"),
                new Live("BTC-USD"));
    }

    @Test
    void aStaleSnapshotIsDroppedAndAskedForAgainWithTheBufferKept() {
        update(10, 12, 100, 1);
        update(12, 13, 101, 2);

        snapshot(8, 100, 9);

        assertThat(book().state()).isEqualTo(BookState.SYNCING);
        assertThat(events.drain()).containsExactly(new SnapshotWanted("BTC-USD", 0, "first update"),
                new SnapshotWanted("BTC-USD", 1, "stale snapshot: its id 8 is older than the buffered update 10..12"));

        snapshot(12, 100, 1, 99, 5);

        assertThat(levels()).containsExactly("101@2", "100@1", "99@5");
        assertThat(events.events()).containsExactly(new Live("BTC-USD"));
    }

    @Test
    void aGapAmongTheBufferedUpdatesBreaksTheBook() {
        update(10, 12, 100, 1);
        update(14, 15, 101, 2);

        snapshot(11, 100, 9);

        assertThat(book().state()).isEqualTo(BookState.BROKEN);
        assertThat(events.events()).contains(new Broken("BTC-USD", "update ids jump from 12 to 14..15"));
    }

    @Test
    void onceLiveAnUpdateMustFollowTheLastOneApplied() {
        live(10);
        update(10, 12, 100, 1);
        update(12, 13, 101, 2);
        update(12, 13, 102, 3);
        assertThat(levels()).containsExactly("101@2", "100@1", "99@9");
        assertThat(events.drain()).containsExactly(new Rejected("update 12..13 of BTC-USD already applied"));

        update(15, 16, 102, 3);

        assertThat(book().state()).isEqualTo(BookState.BROKEN);
        assertThat(events.events()).containsExactly(new Broken("BTC-USD", "update ids jump from 13 to 15..16"));
        assertThat(events.changes()).last().isEqualTo(new Change("BTC-USD", BookState.BROKEN, StateCause.SEQUENCE_GAP));
    }

    @Test
    void aSnapshotBeforeAnyUpdateIsLiveAtOnceAndTheFirstUpdateMustJoinIt() {
        splice.request(book());
        snapshot(20, 100, 9);
        assertThat(book().state()).isEqualTo(BookState.LIVE);
        update(15, 20, 100, 1);
        assertThat(levels()).as("an update the snapshot holds is dropped").containsExactly("100@9");

        update(23, 24, 100, 1);

        assertThat(book().state()).isEqualTo(BookState.BROKEN);
        assertThat(events.events()).containsExactly(new SnapshotWanted("BTC-USD", 0, "subscribed"),
                new Live("BTC-USD"), new Broken("BTC-USD", "update ids jump from 20 to 23..24"));
        assertThat(events.changes()).last().isEqualTo(new Change("BTC-USD", BookState.BROKEN, StateCause.SEQUENCE_GAP));
    }

    @Test
    void aFirstUpdateThatJumpsPastASnapshotNoUpdateReachedHasAnotherFetchedWithTheUpdateKept() {
        splice.request(book());
        snapshot(20, 100, 9);

        update(23, 24, 101, 1);

        String stale = "stale snapshot: its id 20 is older than the first update after it 23..24";
        assertThat(book().state()).isEqualTo(BookState.SYNCING);
        assertThat(levels()).isEmpty();
        assertThat(events.events()).containsExactly(new SnapshotWanted("BTC-USD", 0, "subscribed"),
                new Live("BTC-USD"), new Changed("BTC-USD", BookState.SYNCING, stale),
                new SnapshotWanted("BTC-USD", 1, stale));
        assertThat(events.changes()).last().isEqualTo(new Change("BTC-USD", BookState.SYNCING,
                StateCause.STALE_SNAPSHOT));
        assertThat(book().resyncs()).isEqualTo(1);

        snapshot(23, 100, 8);

        assertThat(book().state()).isEqualTo(BookState.LIVE);
        assertThat(levels()).containsExactly("101@1", "100@8");
    }

    @Test
    void aJumpRightAfterTheBufferedUpdatesTheSnapshotHeldIsAGap() {
        update(15, 18, 100, 1);
        snapshot(20, 100, 9);

        update(23, 24, 100, 1);

        assertThat(book().state()).isEqualTo(BookState.BROKEN);
        assertThat(events.changes()).last().isEqualTo(new Change("BTC-USD", BookState.BROKEN, StateCause.SEQUENCE_GAP));
    }

    @Test
    void theVenueAsksForASnapshotOnceWhateverFollows() {
        splice.request(book());
        splice.request(book());
        update(5, 7, 100, 1);

        assertThat(events.events()).containsExactly(new SnapshotWanted("BTC-USD", 0, "subscribed"));
    }

    @Test
    void aSnapshotThatCannotBeHadIsAskedForAgainThenTheBookIsBroken() {
        update(5, 7, 100, 1);
        for (int attempt = 1; attempt < SnapshotSplice.MAX_ATTEMPTS; attempt++) {
            splice.onSnapshotFailed(book(), "HTTP 503 Service Unavailable");
        }
        assertThat(events.drain()).hasSize(SnapshotSplice.MAX_ATTEMPTS)
                .last().isEqualTo(new SnapshotWanted("BTC-USD", 4, "HTTP 503 Service Unavailable"));

        splice.onSnapshotFailed(book(), "timed out after 5 s");

        assertThat(book().state()).isEqualTo(BookState.BROKEN);
        assertThat(events.events()).containsExactly(new Broken("BTC-USD",
                "no usable snapshot in 5 attempts: timed out after 5 s"));
        assertThat(events.changes()).last().isEqualTo(new Change("BTC-USD", BookState.BROKEN, StateCause.SNAPSHOT_FAILED));
    }

    @Test
    void moreUpdatesThanTheBufferHoldsBreakTheBook() {
        for (int i = 0; i < MAX_BUFFERED; i++) {
            update(i + 1, i + 1, 100, 1);
        }
        assertThat(book().state()).isEqualTo(BookState.SYNCING);

        update(MAX_BUFFERED + 1, MAX_BUFFERED + 1, 100, 1);

        assertThat(book().state()).isEqualTo(BookState.BROKEN);
        assertThat(events.events()).last()
                .isEqualTo(new Broken("BTC-USD", "more than 4 updates waiting for the snapshot"));
        assertThat(events.changes()).last().isEqualTo(new Change("BTC-USD", BookState.BROKEN, StateCause.OVERFLOW));
        snapshot(9, 100, 1);
        assertThat(events.events()).last().isEqualTo(new Rejected("a snapshot of BTC-USD that was not asked for"));
    }

    @Test
    void aSnapshotNobodyAskedForIsRejected() {
        snapshot(9, 100, 1);

        assertThat(book().state()).isEqualTo(BookState.SYNCING);
        assertThat(events.events()).containsExactly(new Rejected("a snapshot of BTC-USD that was not asked for"));
    }

    /** A live book holding one bid of 9 at 99, as of the changes up to {@code id}. */
    private void live(long id) {
        splice.request(book());
        snapshot(id, 99, 9);
        events.drain();
    }

    private void update(long first, long last, long price, long size) {
        batch.clear();
        stage(price, size);
        batch.endSection(book(), false, -1);
        splice.onUpdate(first, last, ++clock);
    }

    /** A snapshot of bids given as price, size, price, size, … */
    private void snapshot(long id, long... bids) {
        batch.clear();
        for (int i = 0; i < bids.length; i += 2) {
            stage(bids[i], bids[i + 1]);
        }
        batch.endSection(book(), true, -1);
        splice.onSnapshot(id, ++clock);
    }

    private void stage(long price, long size) {
        batch.addLevel(Side.BID, price * 100_000_000L, size * 10_000_000_000L);
    }

    /** What an adapter does with a staged section. */
    private void apply(long receiveNanos) {
        VenueBook book = batch.sectionBook(0);
        if (books.apply(batch, 0, receiveNanos) && books.checkShared(book)) {
            books.live(book);
        }
    }

    private VenueBook book() {
        return books.get(0);
    }

    private List<String> levels() {
        return VenueHarness.levels(book().book().bids(), BTC_USD);
    }
}
