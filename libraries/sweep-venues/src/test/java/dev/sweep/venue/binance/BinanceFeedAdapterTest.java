package dev.sweep.venue.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookSide;
import dev.sweep.core.BookState;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.venue.FeedEvents;
import dev.sweep.venue.FeedEvents.Broken;
import dev.sweep.venue.FeedEvents.Changed;
import dev.sweep.venue.FeedEvents.CloseAnnounced;
import dev.sweep.venue.FeedEvents.Heartbeat;
import dev.sweep.venue.FeedEvents.Live;
import dev.sweep.venue.FeedEvents.Rejected;
import dev.sweep.venue.FeedEvents.SnapshotWanted;
import dev.sweep.venue.FeedEvents.Subscribed;
import dev.sweep.venue.FeedEvents.VenueError;
import dev.sweep.venue.VenueHarness;
import dev.sweep.venue.server.RestAnswer;
import java.time.Duration;
import java.util.List;
import dev.sweep.venue.StampLog;
import dev.sweep.venue.StampLog.Stamp;
import org.junit.jupiter.api.Test;

/**
 * Binance's documented messages (fixtures in {@code binance/}, see {@code SOURCES.md}) through the adapter, and the
 * splice's edge cases with them: the documented event ({@code U} 157, {@code u} 160, symbol BNBBTC) and snapshot
 * ({@code lastUpdateId} 1027024), their ids moved where a case needs it, and the snapshot's two prices moved round
 * the event's (the documentation's examples come from different books: its bid of 4 would cross the event's ask).
 */
class BinanceFeedAdapterTest {

    private static final BinanceVenue VENUE = new BinanceVenue();
    private static final Instrument BNB_BTC = Instrument.of("BNB-BTC");
    private static final String EVENT = VenueHarness.resource("binance/depth_update.json");
    private static final String SNAPSHOT = VenueHarness.resource("binance/rest_depth.json");

    private final VenueHarness client = new VenueHarness(VENUE, "BNB-BTC");

    @Test
    void theSubscriptionIsWrittenAsDocumentedWithEachSymbolsStreamInLowerCase() {
        assertThat(VENUE.subscribeMessages(List.of(Instrument.of("BTC-USDT"), Instrument.of("ETH-USDT"))))
                .containsExactly("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@depth@100ms\",\"ethusdt@depth@100ms\"],"
                        + "\"id\":1}");
        assertThat(VENUE.restSnapshots().orElseThrow().request(Instrument.of("BTC-USDT")))
                .isEqualTo("/api/v3/depth?symbol=BTCUSDT&limit=5000");
        assertThat(VENUE.symbol(Instrument.of("ETH-USDT"))).isEqualTo("ETHUSDT");
        assertThat(VENUE.quoteCurrencies()).containsExactly("USDT");
    }

    /** Binance's request weight allows a 5,000-level snapshot every few seconds; a test may ask for less. */
    @Test
    void aBooksSnapshotIsAskedForAtMostEveryFiveSecondsUnlessATestShortensIt() {
        assertThat(VENUE.restSnapshots().orElseThrow().minInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(new BinanceVenue(Duration.ofMillis(250)).restSnapshots().orElseThrow().minInterval())
                .isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void theAcknowledgementAsksForTheSnapshot() {
        client.feedResource("binance/subscribe_response.json");

        assertThat(client.events().events()).containsExactly(new Subscribed("BNB-BTC"),
                new SnapshotWanted("BNB-BTC", 0, "subscribed"));
    }

    @Test
    void theListenersGetTheSnapshotsIdThenEachEventsLastIdAndTime() {
        StampLog log = new StampLog();
        client.books().attach(log);

        subscribe().feed(EVENT);
        client.answerSnapshot("BNB-BTC", snapshot(158));

        // The snapshot has no time; the event buffered while it was fetched keeps its own.
        assertThat(log.stamps()).containsExactly(new Stamp("BNB-BTC", 158, -1),
                new Stamp("BNB-BTC", 160, 1_672_515_782_136_000_000L));
    }

    @Test
    void aSnapshotOlderThanTheFirstEventIsFetchedAgainAndTheNextOneJoins() {
        subscribe().feed(EVENT);

        client.answerSnapshot("BNB-BTC", snapshot(150));

        assertThat(client.events().drain()).containsExactly(new SnapshotWanted("BNB-BTC", 1,
                "stale snapshot: its id 150 is older than the buffered update 157..160"));
        assertThat(client.book("BNB-BTC").state()).isEqualTo(BookState.SYNCING);

        client.answerSnapshot("BNB-BTC", snapshot(158));

        assertThat(client.events().drain()).containsExactly(new Live("BNB-BTC"));
        assertThat(levels(client.book("BNB-BTC").book().bids())).containsExactly("0.0024 10", "0.002 431");
        assertThat(levels(client.book("BNB-BTC").book().asks())).containsExactly("0.0026 100", "0.003 12");
    }

    /**
     * The docs' step 3 would fetch again a snapshot whose id is the first event's {@code U - 1}; their update
     * procedure applies the event to it, and so does Sweep.
     */
    @Test
    void aSnapshotRightBeforeTheFirstEventJoinsIt() {
        subscribe().feed(EVENT);

        client.answerSnapshot("BNB-BTC", snapshot(156));

        assertThat(client.events().drain()).containsExactly(new Live("BNB-BTC"));
        assertThat(client.book("BNB-BTC").book().bids().sizeAt(price("0.0024"))).isEqualTo(size("10"));
    }

    @Test
    void eventsTheSnapshotHoldsAreDroppedWhenItIsNewer() {
        subscribe().feed(EVENT);

        client.answerSnapshot("BNB-BTC", snapshot(1027024));

        assertThat(client.events().drain()).containsExactly(new Live("BNB-BTC"));
        assertThat(levels(client.book("BNB-BTC").book().bids())).containsExactly("0.002 431");
    }

    /** Binance's test, not the stricter {@code U == u + 1}: an event overlapping the last one applied is applied. */
    @Test
    void overlappingRangesAreAppliedAndAnEventAlreadyHeldIsDropped() {
        live(1027024);

        client.feed(event(1027020, 1027030, "0.0024", "10"));
        client.feed(event(1027025, 1027035, "0.0024", "7"));
        client.feed(event(1027031, 1027035, "0.0024", "3"));

        assertThat(client.events().drain()).containsExactly(
                new Rejected("update 1027031..1027035 of BNBBTC already applied"));
        assertThat(client.book("BNB-BTC").state()).isEqualTo(BookState.LIVE);
        assertThat(client.book("BNB-BTC").book().bids().sizeAt(price("0.0024"))).isEqualTo(size("7"));
    }

    @Test
    void aFirstUpdateThatJumpsPastTheSnapshotHasAnotherSnapshotFetched() {
        live(1027024);

        client.feed(event(1027026, 1027030, "0.0024", "10"));

        String stale = "stale snapshot: its id 1027024 is older than the first update after it 1027026..1027030";
        assertThat(client.events().drain()).containsExactly(new Changed("BNB-BTC", BookState.SYNCING, stale),
                new SnapshotWanted("BNB-BTC", 1, stale));
        assertThat(client.book("BNB-BTC").book().bids().depth()).isZero();
    }

    @Test
    void aBreakInTheChainLaterBreaksTheBook() {
        live(1027024);

        client.feed(event(1027025, 1027030, "0.0024", "10"));
        client.feed(event(1027032, 1027040, "0.0024", "11"));

        assertThat(client.events().drain()).containsExactly(new Broken("BNB-BTC",
                "update ids jump from 1027030 to 1027032..1027040"));
    }

    @Test
    void deletesOfLevelsTheBookNeverHeldChangeNothing() {
        live(1027024);

        client.feed(event(1027025, 1027026, "0.0019", "0"));

        assertThat(client.events().drain()).isEmpty();
        assertThat(client.book("BNB-BTC").state()).isEqualTo(BookState.LIVE);
        assertThat(levels(client.book("BNB-BTC").book().bids())).containsExactly("0.002 431");
    }

    /**
     * A side the snapshot filled (5,000 levels) ends at its last price: a level set below it, even once the book has
     * room after a delete, is not claimed, and the side is truncated, fewer levels or not; the other side, not filled,
     * takes levels anywhere and is the venue's whole side.
     */
    @Test
    void theBookNeverHoldsALevelBeyondAFullSnapshotsLast() {
        StringBuilder bids = new StringBuilder();
        for (int i = 0; i < BinanceSnapshots.MAX_LIMIT; i++) {
            bids.append(i == 0 ? "" : ",").append("[\"").append(FixedPoint.format(price("10") - i, 8))
                    .append("\",\"1\"]");
        }
        subscribe().answerSnapshot("BNB-BTC", RestAnswer.ok("{\"lastUpdateId\":100,\"bids\":[" + bids
                + "],\"asks\":[[\"11\",\"1\"]]}"));
        long lowest = price("10") - (BinanceSnapshots.MAX_LIMIT - 1);

        client.feed(event(101, 101, "10", "0"));
        client.feed(event(102, 103, FixedPoint.format(lowest - 1, 8), "5"));
        client.feed(event(104, 104, FixedPoint.format(lowest, 8), "2"));
        client.feed(event(105, 105, "12", "3", "a"));

        BookSide book = client.book("BNB-BTC").book().bids();
        assertThat(client.book("BNB-BTC").state()).isEqualTo(BookState.LIVE);
        assertThat(book.depth()).isEqualTo(BinanceSnapshots.MAX_LIMIT - 1);
        assertThat(book.price(book.depth() - 1)).isEqualTo(lowest);
        assertThat(book.size(book.depth() - 1)).isEqualTo(size("2"));
        assertThat(client.book("BNB-BTC").book().asks().sizeAt(price("12"))).isEqualTo(size("3"));
        assertThat(book.isTruncated()).isTrue();
        assertThat(client.book("BNB-BTC").book().asks().isTruncated()).isFalse();
    }

    @Test
    void aSnapshotThatDidNotFillASideIsTheVenuesWholeBook() {
        live(1027024);

        client.feed(event(1027025, 1027026, "0.0019", "7"));

        assertThat(client.book("BNB-BTC").book().bids().isTruncated()).isFalse();
        assertThat(client.book("BNB-BTC").book().asks().isTruncated()).isFalse();
    }

    @Test
    void theCombinedStreamsEnvelopeCarriesTheSameEvent() {
        subscribe().feedResource("binance/derived_combined_depth_update.json");

        client.answerSnapshot("BNB-BTC", snapshot(158));

        assertThat(client.book("BNB-BTC").book().bids().sizeAt(price("0.0024"))).isEqualTo(size("10"));
    }

    @Test
    void aDocumentedErrorIsTheVenuesWordsAndAWrappedOneToo() {
        client.feedResource("binance/error_too_many_parameters.json");
        client.feed("{\"error\":{\"code\":2,\"msg\":\"Invalid request: too many parameters\"},\"id\":1}");

        assertThat(client.events().events()).containsExactly(
                new VenueError("Invalid request: too many parameters"),
                new VenueError("Invalid request: too many parameters"));
    }

    @Test
    void aServerShutdownIsAnnouncedAndLeavesTheBooksLiveRawOrCombined() {
        live(1027024);
        client.feedResource("binance/server_shutdown_raw.json");
        assertThat(client.events().drain()).containsExactly(new CloseAnnounced(
                "serverShutdown: the venue is about to close the connection"));
        assertThat(client.book("BNB-BTC").state()).isEqualTo(BookState.LIVE);

        client.reconnect();
        live(1027024);
        client.feedResource("binance/server_shutdown_combined.json");
        assertThat(client.events().drain()).containsExactly(new CloseAnnounced(
                "serverShutdown: the venue is about to close the connection"));
        assertThat(client.book("BNB-BTC").state()).isEqualTo(BookState.LIVE);
    }

    @Test
    void theSimulatorsStandInForPingsIsAHeartbeat() {
        client.feed("{\"e\":\"heartbeat\"}");

        assertThat(client.events().events()).containsExactly(new Heartbeat());
    }

    private VenueHarness subscribe() {
        client.feedResource("binance/subscribe_response.json");
        client.events().drain();
        return client;
    }

    private void live(long snapshotId) {
        subscribe().answerSnapshot("BNB-BTC", snapshot(snapshotId));
        assertThat(client.events().drain()).containsExactly(new Live("BNB-BTC"));
    }

    private static RestAnswer snapshot(long lastUpdateId) {
        return RestAnswer.ok(SNAPSHOT.replace("\"lastUpdateId\": 1027024", "\"lastUpdateId\": " + lastUpdateId)
                .replace("4.00000000", "0.00200000").replace("4.00000200", "0.00300000"));
    }

    /** The documented event with other ids and one bid. */
    private static String event(long first, long last, String price, String quantity) {
        return event(first, last, price, quantity, "b");
    }

    /** The documented event with other ids and one level of a side ({@code b} or {@code a}), the other side empty. */
    private static String event(long first, long last, String price, String quantity, String side) {
        String level = "[[\"" + price + "\", \"" + quantity + "\"]]";
        return "{\"e\":\"depthUpdate\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"U\":" + first + ",\"u\":" + last
                + ",\"b\":" + (side.equals("b") ? level : "[]") + ",\"a\":" + (side.equals("a") ? level : "[]") + "}";
    }

    private static long price(String text) {
        return FixedPoint.parse(text, BNB_BTC.priceScale());
    }

    private static long size(String text) {
        return FixedPoint.parse(text, BNB_BTC.sizeScale());
    }

    private static List<String> levels(BookSide side) {
        return java.util.stream.IntStream.range(0, side.depth()).mapToObj(i -> FixedPoint.format(side.price(i), 8)
                + " " + FixedPoint.format(side.size(i), 10)).toList();
    }
}
