package dev.sweep.venue.kraken;

import static dev.sweep.venue.VenueHarness.levels;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.venue.BookReplica;
import dev.sweep.venue.FeedEvents.Broken;
import dev.sweep.venue.FeedEvents.Heartbeat;
import dev.sweep.venue.FeedEvents.Live;
import dev.sweep.venue.FeedEvents.Rejected;
import dev.sweep.venue.FeedEvents.Subscribed;
import dev.sweep.venue.FeedEvents.VenueError;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueHarness;
import java.time.Instant;
import java.util.List;
import dev.sweep.venue.Integrity;
import dev.sweep.venue.StampLog;
import dev.sweep.venue.StampLog.Stamp;
import org.junit.jupiter.api.Test;

class KrakenFeedAdapterTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final Instant TIME = Instant.parse("2026-11-27T12:00:00Z");

    private final VenueHarness kraken = new VenueHarness(new KrakenVenue(), "BTC-USD", "ETH-USD");

    @Test
    void booksAreCheckedByChecksumAtTheSubscribedDepth() {
        KrakenVenue venue = new KrakenVenue(25);
        assertThat(venue.descriptor().integrity()).isEqualTo(Integrity.CHECKSUM);
        assertThat(venue.descriptor().depth()).isEqualTo(25);
        assertThat(venue.symbol(BTC_USD)).isEqualTo("BTC/USD");
        assertThat(venue.descriptor().simulatorPath()).isEqualTo("/kraken/v2");
    }

    @Test
    void theDocumentedChecksumVectorMakesTheBookLive() {
        kraken.feedResource("kraken/checksum-vector-snapshot.json");

        VenueBook book = kraken.book("BTC-USD");
        assertThat(kraken.events().drain()).containsExactly(new Live("BTC-USD"));
        assertThat(book.state()).isEqualTo(BookState.LIVE);
        assertThat(levels(book.book().bids(), BTC_USD)).hasSize(10).startsWith("45283.5@0.1", "45283.4@1.54582015");
        assertThat(levels(book.book().asks(), BTC_USD)).hasSize(10).startsWith("45285.2@0.001");
        assertThat(new KrakenChecksum().compute(book.book(), 1, 8)).isEqualTo(3310070434L);
    }

    @Test
    void theChecksumOfFloatFormattedLevelsIsRejected() {
        // 1604409348 is what a client gets by formatting the vector's levels from doubles (protocols.md).
        String floatChecksum = KrakenProxy.withChecksum(
                VenueHarness.resource("kraken/checksum-vector-snapshot.json"), 1604409348L);
        kraken.feed(floatChecksum);

        VenueBook book = kraken.book("BTC-USD");
        assertThat(book.state()).isEqualTo(BookState.BROKEN);
        assertThat(book.book().bids().isEmpty()).isTrue();
        assertThat(kraken.events().drain()).containsExactly(new Broken("BTC-USD",
                "checksum mismatch on BTC/USD: venue 1604409348, book 3310070434"));
    }

    @Test
    void updatesApplyInOrderTruncateToDepthAndVerify() {
        VenueHarness shallow = new VenueHarness(new KrakenVenue(10), "BTC-USD");
        shallow.feedResource("kraken/checksum-vector-snapshot.json");
        OrderBook truth = copy(shallow.book("BTC-USD").book());

        // An insert in the middle of the bids pushes the 10th bid out; Kraken does not send its deletion.
        List<Level> changes = List.of(
                new Level(Side.BID, price("45282.0"), size("0.5")),
                new Level(Side.BID, price("45282.0"), size("0.7")),
                new Level(Side.ASK, price("45285.2"), 0));
        changes.forEach(change -> truth.set(change.side(), change.price(), change.size()));
        truth.truncate(10);
        shallow.feed(new KrakenProxy().bookUpdate("BTC/USD", changes, truth, 1, 8, TIME));

        VenueBook book = shallow.book("BTC-USD");
        assertThat(book.state()).isEqualTo(BookState.LIVE);
        assertThat(levels(book.book().bids(), BTC_USD)).hasSize(10).contains("45282@0.7")
                .doesNotContain("45276.6@0.15445238");
        assertThat(levels(book.book().asks(), BTC_USD)).hasSize(9).doesNotContain("45285.2@0.001");
        assertThat(shallow.events().drain()).containsExactly(new Live("BTC-USD"));
    }

    @Test
    void theListenersGetAnUpdatesTimestampAndNoSequence() {
        VenueHarness shallow = new VenueHarness(new KrakenVenue(10), "BTC-USD");
        StampLog log = new StampLog();
        shallow.books().attach(log);
        shallow.feedResource("kraken/checksum-vector-snapshot.json");
        OrderBook truth = copy(shallow.book("BTC-USD").book());
        List<Level> changes = List.of(new Level(Side.BID, price("45283.6"), size("0.5")));
        changes.forEach(change -> truth.set(change.side(), change.price(), change.size()));
        truth.truncate(10);

        shallow.feed(new KrakenProxy().bookUpdate("BTC/USD", changes, truth, 1, 8, TIME));

        // The documented snapshot carries no timestamp.
        assertThat(log.stamps()).containsExactly(new Stamp("BTC-USD", -1, -1),
                new Stamp("BTC-USD", -1, 1_795_780_800_000_000_000L));
    }

    @Test
    void anAttachedListenerIsToldOfTheLevelsTheDepthCut() {
        VenueHarness shallow = new VenueHarness(new KrakenVenue(10), "BTC-USD");
        BookReplica replica = new BookReplica();
        shallow.books().attach(replica);
        shallow.feedResource("kraken/checksum-vector-snapshot.json");
        OrderBook truth = copy(shallow.book("BTC-USD").book());

        // Two bids inserted at the top push the 9th and 10th bids out of the depth: only the live book cuts them.
        List<Level> changes = List.of(
                new Level(Side.BID, price("45283.6"), size("0.5")),
                new Level(Side.BID, price("45283.7"), size("0.25")));
        changes.forEach(change -> truth.set(change.side(), change.price(), change.size()));
        truth.truncate(10);
        shallow.feed(new KrakenProxy().bookUpdate("BTC/USD", changes, truth, 1, 8, TIME));

        OrderBook live = shallow.book("BTC-USD").book();
        assertThat(shallow.book("BTC-USD").state()).isEqualTo(BookState.LIVE);
        assertThat(levels(live.bids(), BTC_USD)).hasSize(10).startsWith("45283.7@0.25", "45283.6@0.5");
        assertThat(VenueHarness.sides(replica.book(BTC_USD))).isEqualTo(VenueHarness.sides(live));
        assertThat(replica.applied()).isEqualTo(2);
    }

    @Test
    void anUpdateBeforeTheSnapshotIsRejectedAndNotApplied() {
        kraken.feedResource("kraken/update-removal-live-capture.json");

        assertThat(kraken.book("BTC-USD").state()).isEqualTo(BookState.SYNCING);
        assertThat(kraken.book("BTC-USD").book().asks().isEmpty()).isTrue();
        assertThat(kraken.events().drain()).containsExactly(new Rejected("update before a snapshot for BTC/USD"));
    }

    @Test
    void controlFramesAreRecognised() {
        kraken.feedResource("kraken/status.json")
                .feedResource("kraken/heartbeat.json")
                .feedResource("kraken/pong.json")
                .feedResource("kraken/subscribe-ack.json")
                .feedResource("kraken/subscribe-failure.json");

        assertThat(kraken.events().drain()).containsExactly(new Heartbeat(), new Heartbeat(), new Heartbeat(),
                new Subscribed("BTC-USD"), new VenueError("Currency pair not supported PUPS/USD"));
    }

    @Test
    void instrumentPrecisionsComeFromTheInstrumentChannel() {
        VenueHarness unknownPair = new VenueHarness(new KrakenVenue(), "ADA-EUR");
        OrderBook truth = new OrderBook("kraken", Instrument.of("ADA-EUR"), 6);
        truth.set(Side.BID, price("0.412345"), size("100"));
        truth.set(Side.ASK, price("0.412400"), size("50.5"));
        String snapshot = new KrakenProxy().bookSnapshot("ADA/EUR", truth, 1000, 6, 8, TIME);

        unknownPair.feed(snapshot);
        assertThat(unknownPair.book("ADA-EUR").state()).isEqualTo(BookState.BROKEN);

        unknownPair.feed(new KrakenProxy().instrumentSnapshot(List.of("ADA/EUR"), List.of(new int[] {6, 8})));
        unknownPair.feed(snapshot);
        assertThat(unknownPair.book("ADA-EUR").state()).isEqualTo(BookState.LIVE);
        assertThat(unknownPair.book("ADA-EUR").book().pricePrecision()).isEqualTo(6);
    }

    @Test
    void theDocumentedInstrumentSnapshotParses() {
        kraken.feedResource("kraken/instrument-snapshot.json");
        assertThat(kraken.events().drain()).isEmpty();
        assertThat(kraken.book("BTC-USD").book().pricePrecision()).isEqualTo(1);
    }

    @Test
    void dataForAnotherSymbolIsSkippedWithoutHarm() {
        kraken.feedResource("kraken/checksum-vector-snapshot.json");
        kraken.events().drain();

        kraken.feedResource("kraken/update-matic-docs.json");

        assertThat(kraken.events().drain()).containsExactly(new Rejected("book data for unsubscribed symbol MATIC/USD"));
        assertThat(kraken.book("BTC-USD").state()).isEqualTo(BookState.LIVE);
    }

    @Test
    void aMalformedBookFrameBreaksTheBookItNames() {
        kraken.feedResource("kraken/checksum-vector-snapshot.json");
        kraken.events().drain();

        kraken.feed("{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":[{\"price\":45283.5,"
                + "\"qty\":-1}],\"asks\":[],\"checksum\":1}]}");

        assertThat(kraken.events().drain()).containsExactly(
                new Rejected("bad qty '-1': signs are not allowed (amounts are positive decimals)"),
                new Broken("BTC-USD", "bad qty '-1': signs are not allowed (amounts are positive decimals)"));
        assertThat(kraken.book("ETH-USD").state()).isEqualTo(BookState.SYNCING);
    }

    /**
     * A book message without data names no book, so every book may have missed it: all break, not only the book of the
     * frame before, whose levels the decoder still held.
     */
    @Test
    void aBookMessageWithoutDataBreaksEveryBook() {
        kraken.feedResource("kraken/checksum-vector-snapshot.json");
        kraken.events().drain();

        kraken.feed("{\"channel\":\"book\",\"type\":\"update\"}");

        assertThat(kraken.events().drain()).containsExactly(
                new Rejected("book message without data"),
                new Broken("BTC-USD", "book message without data"),
                new Broken("ETH-USD", "book message without data"));
    }

    @Test
    void anUnparseableFrameBreaksEveryBook() {
        kraken.feedResource("kraken/checksum-vector-snapshot.json");
        kraken.events().drain();

        kraken.feed("{\"channel\":\"book\",\"type\":\"upd");

        assertThat(kraken.events().drain()).containsExactly(
                new Rejected("malformed JSON: unterminated string"),
                new Broken("BTC-USD", "malformed frame"),
                new Broken("ETH-USD", "malformed frame"));
    }

    @Test
    void fieldOrderDoesNotMatter() {
        String reordered = "{\"data\":[{\"checksum\":3310070434,\"asks\":" + section("asks") + ",\"bids\":"
                + section("bids") + ",\"symbol\":\"BTC/USD\"}],\"type\":\"snapshot\",\"channel\":\"book\"}";
        kraken.feed(reordered);
        assertThat(kraken.book("BTC-USD").state()).isEqualTo(BookState.LIVE);
    }

    private static String section(String side) {
        String vector = VenueHarness.resource("kraken/checksum-vector-snapshot.json");
        int start = vector.indexOf('[', vector.indexOf("\"" + side + "\""));
        return vector.substring(start, vector.indexOf(']', start) + 1);
    }

    private static OrderBook copy(OrderBook book) {
        OrderBook copy = new OrderBook(book.venue(), book.instrument(), book.pricePrecision());
        for (Side side : Side.values()) {
            for (int i = 0; i < book.side(side).depth(); i++) {
                copy.set(side, book.side(side).price(i), book.side(side).size(i));
            }
        }
        return copy;
    }

    private static long price(String text) {
        return FixedPoint.parseOrThrow(text, BTC_USD.priceScale());
    }

    private static long size(String text) {
        return FixedPoint.parseOrThrow(text, BTC_USD.sizeScale());
    }
}
