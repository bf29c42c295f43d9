package dev.sweep.venue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The states a connection sets on its books when the venue refuses them or cannot be reached, on every venue; and
 * whether a book kept to a depth is truncated.
 */
class VenueBooksTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");

    @ParameterizedTest
    @MethodSource("venues")
    void aRejectedBookStillGoesLiveIfItsSnapshotComesAfterAll(Venue venue) {
        VenueHarness client = new VenueHarness(venue, "BTC-USD");

        client.books().rejected("unknown symbol");
        assertThat(client.book("BTC-USD").state()).isEqualTo(BookState.REJECTED);

        feedSnapshot(client, venue);
        assertThat(client.book("BTC-USD").state()).isEqualTo(BookState.LIVE);
    }

    @ParameterizedTest
    @MethodSource("venues")
    void aVenueErrorAfterTheSnapshotLeavesALiveBookAlone(Venue venue) {
        VenueHarness client = new VenueHarness(venue, "BTC-USD");
        feedSnapshot(client, venue);

        client.books().rejected("unknown symbol");

        assertThat(client.book("BTC-USD").state()).isEqualTo(BookState.LIVE);
    }

    @ParameterizedTest
    @MethodSource("venues")
    void anUnreachableVenuesBooksHoldNoLevels(Venue venue) {
        VenueHarness client = new VenueHarness(venue, "BTC-USD");
        feedSnapshot(client, venue);

        client.books().unreachable("cannot connect");

        assertThat(client.book("BTC-USD").state()).isEqualTo(BookState.UNREACHABLE);
        assertThat(client.book("BTC-USD").book().bids().depth()).isZero();
        assertThat(client.book("BTC-USD").book().asks().depth()).isZero();
    }

    static List<Venue> venues() {
        return Venues.all();
    }

    /**
     * Feeds the client what the venue sends a client that subscribes to BTC-USD, whose book holds one level a side, and
     * the snapshots it asks for over REST, if it does.
     */
    /**
     * A venue sending its best levels to a depth has more beyond a side that fills it; a side thinner than the depth
     * is the venue's whole side, since the venue would have sent the next level in.
     */
    @Test
    void aSideKeptToADepthIsTruncatedWhileItFillsTheDepth() {
        VenueBooks books = new VenueBooks(Venues.byName("bybit").orElseThrow(), List.of(Instrument.of("BTC-USDT")),
                2, new FeedListener() { });
        VenueBook book = books.get(0);
        LevelBatch batch = new LevelBatch();
        batch.addLevel(Side.BID, 300, 1);
        batch.addLevel(Side.BID, 200, 1);
        batch.addLevel(Side.BID, 100, 1);
        batch.addLevel(Side.ASK, 400, 1);
        batch.endSection(book, true, -1);
        books.apply(batch, 0, 1);
        books.live(book);

        assertThat(book.book().bids().depth()).isEqualTo(2);
        assertThat(book.book().bids().isTruncated()).isTrue();
        assertThat(book.book().asks().isTruncated()).isFalse();

        batch.clear();
        batch.addLevel(Side.BID, 300, 0);
        batch.endSection(book, false, -1);
        books.apply(batch, 0, 2);

        assertThat(book.book().bids().depth()).isEqualTo(1);
        assertThat(book.book().bids().isTruncated()).isFalse();
    }

    private static void feedSnapshot(VenueHarness client, Venue venue) {
        DialectHarness server = new DialectHarness(venue, "BTC-USD");
        OrderBook truth = server.truth(BTC_USD);
        truth.set(Side.BID, FixedPoint.parse("100.1", BTC_USD.priceScale()), FixedPoint.parse("1.5", BTC_USD.sizeScale()));
        truth.set(Side.ASK, FixedPoint.parse("100.2", BTC_USD.priceScale()), FixedPoint.parse("2", BTC_USD.sizeScale()));
        List<String> frames = new ArrayList<>(server.connect());
        frames.addAll(server.subscribe(List.of(BTC_USD)));
        client.snapshotsFrom(server).feed(frames);
    }
}
