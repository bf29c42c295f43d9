package dev.sweep.venue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The states a connection sets on its books when the venue refuses them or cannot be reached, on every venue. */
class VenueBooksTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");

    @ParameterizedTest
    @MethodSource("dev.sweep.venue.Dialect#all")
    void aRejectedBookStillGoesLiveIfItsSnapshotComesAfterAll(Dialect dialect) {
        VenueHarness client = new VenueHarness(dialect.venue(), "BTC-USD");

        client.books().rejected();
        assertThat(client.book("BTC-USD").state()).isEqualTo(BookState.REJECTED);

        client.feed(dialect.snapshot(truth(dialect)));
        assertThat(client.book("BTC-USD").state()).isEqualTo(BookState.LIVE);
    }

    @ParameterizedTest
    @MethodSource("dev.sweep.venue.Dialect#all")
    void aVenueErrorAfterTheSnapshotLeavesALiveBookAlone(Dialect dialect) {
        VenueHarness client = new VenueHarness(dialect.venue(), "BTC-USD");
        client.feed(dialect.snapshot(truth(dialect)));

        client.books().rejected();

        assertThat(client.book("BTC-USD").state()).isEqualTo(BookState.LIVE);
    }

    @ParameterizedTest
    @MethodSource("dev.sweep.venue.Dialect#all")
    void anUnreachableVenuesBooksHoldNoLevels(Dialect dialect) {
        VenueHarness client = new VenueHarness(dialect.venue(), "BTC-USD");
        client.feed(dialect.snapshot(truth(dialect)));

        client.books().unreachable();

        assertThat(client.book("BTC-USD").state()).isEqualTo(BookState.UNREACHABLE);
        assertThat(client.book("BTC-USD").book().bids().depth()).isZero();
        assertThat(client.book("BTC-USD").book().asks().depth()).isZero();
    }

    private static OrderBook truth(Dialect dialect) {
        OrderBook book = new OrderBook(dialect.venue().name(), BTC_USD, dialect.venue().pricePrecision(BTC_USD));
        book.set(Side.BID, FixedPoint.parse("100.1", BTC_USD.priceScale()), FixedPoint.parse("1.5", BTC_USD.sizeScale()));
        book.set(Side.ASK, FixedPoint.parse("100.2", BTC_USD.priceScale()), FixedPoint.parse("2", BTC_USD.sizeScale()));
        return book;
    }
}
