package dev.sweep.venue.bybit;

import static dev.sweep.venue.VenueHarness.levels;
import static dev.sweep.venue.VenueHarness.sides;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.Side;
import dev.sweep.core.TakerFee;
import dev.sweep.venue.DialectHarness;
import dev.sweep.venue.FeedEvents.Broken;
import dev.sweep.venue.FeedEvents.Change;
import dev.sweep.venue.FeedEvents.Heartbeat;
import dev.sweep.venue.FeedEvents.Live;
import dev.sweep.venue.FeedEvents.Subscribed;
import dev.sweep.venue.FeedEvents.VenueError;
import dev.sweep.venue.Integrity;
import dev.sweep.venue.KeepAlive;
import dev.sweep.venue.StateCause;
import dev.sweep.venue.VenueHarness;
import dev.sweep.venue.server.UpdateFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.sweep.venue.StampLog;
import dev.sweep.venue.StampLog.Stamp;
import org.junit.jupiter.api.Test;

class BybitFeedAdapterTest {

    private static final Instrument BTC_USDT = Instrument.of("BTC-USDT");
    /** Levels around the documented delta's prices, with the {@code u} just before the delta's. */
    private static final String SNAPSHOT_BEFORE_DELTA = "{\"topic\":\"orderbook.200.BTCUSDT\",\"ts\":1687940967400,"
            + "\"type\":\"snapshot\",\"data\":{\"s\":\"BTCUSDT\",\"b\":[[\"30247.20\",\"1\"],[\"30240.00\",\"5\"]],"
            + "\"a\":[[\"30248.70\",\"2\"],[\"30249.60\",\"3\"]],\"u\":177400506,\"seq\":66544703300},"
            + "\"cts\":1687940967398}";

    private final BybitVenue venue = new BybitVenue();
    private final VenueHarness bybit = new VenueHarness(venue, "BTC-USDT", "ETH-USDT");

    @Test
    void aSpotBookOf200LevelsInUsdtCheckedByItsUpdateIdPingedWithJson() {
        assertThat(venue.symbol(BTC_USDT)).isEqualTo("BTCUSDT");
        assertThat(venue.bookDepth()).isEqualTo(200);
        assertThat(venue.descriptor().integrity()).isEqualTo(Integrity.GAP_FREE_COUNTER);
        assertThat(venue.descriptor().keepAlive()).isEqualTo(KeepAlive.jsonPing("{\"op\":\"ping\"}",
                Duration.ofSeconds(20)));
        assertThat(venue.defaultTakerFee()).isEqualTo(TakerFee.parse("0.10%"));
        assertThat(venue.pricePrecision(BTC_USDT)).isEqualTo(1);
        assertThat(venue.pricePrecision(Instrument.of("ETH-USDT"))).isEqualTo(2);
        assertThat(venue.descriptor().simulatorPath()).isEqualTo("/bybit/v5/public/spot");
        assertThat(venue.subscribeMessages(List.of(BTC_USDT, Instrument.of("ETH-USDT")))).containsExactly(
                "{\"op\":\"subscribe\",\"args\":[\"orderbook.200.BTCUSDT\",\"orderbook.200.ETHUSDT\"]}");
    }

    @Test
    void spotTakesAtMostTenTopicsARequest() {
        List<Instrument> eleven = new ArrayList<>();
        for (char base = 'A'; base < 'A' + 11; base++) {
            eleven.add(Instrument.of(base + "X-USDT"));
        }

        assertThat(venue.subscribeMessages(eleven)).hasSize(2);
        assertThat(venue.subscribeMessages(eleven).get(1)).isEqualTo(
                "{\"op\":\"subscribe\",\"args\":[\"orderbook.200.KXUSDT\"]}");
    }

    @Test
    void theListenersGetTheMessagesUpdateIdAndTs() {
        VenueHarness linear = new VenueHarness(venue, "BTC-USDT");
        StampLog log = new StampLog();
        linear.books().attach(log);

        linear.feedResource("bybit/snapshot-docs.json");

        assertThat(log.stamps()).containsExactly(new Stamp("BTC-USDT", 18_521_288, 1_672_304_484_978_000_000L));
    }

    @Test
    void theDocumentedSnapshotMakesTheBookLive() {
        VenueHarness linear = new VenueHarness(venue, "BTC-USDT");

        linear.feedResource("bybit/snapshot-docs.json");

        assertThat(linear.events().drain()).containsExactly(new Live("BTC-USDT"));
        assertThat(levels(linear.book("BTC-USDT").book().bids(), BTC_USDT))
                .containsExactly("16493.5@0.006", "16493@0.1");
        assertThat(levels(linear.book("BTC-USDT").book().asks(), BTC_USDT))
                .containsExactly("16611@0.029", "16612@0.213");
    }

    @Test
    void theDocumentedDeltaChangesInsertsAndDeletesWithSizeZero() {
        bybit.feed(SNAPSHOT_BEFORE_DELTA).events().drain();

        bybit.feedResource("bybit/delta-docs.json");

        assertThat(bybit.events().drain()).isEmpty();
        assertThat(levels(bybit.book("BTC-USDT").book().bids(), BTC_USDT)).containsExactly(
                "30247.2@30.028", "30245.4@0.224", "30242.1@1.593", "30240.3@1.305");
        assertThat(levels(bybit.book("BTC-USDT").book().asks(), BTC_USDT)).containsExactly(
                "30249.3@0.892", "30249.5@1.778", "30251.9@2.947", "30252.2@0.659", "30252.5@4.591");
    }

    @Test
    void aDeltaThatSkipsAnUpdateIdBreaksItsBookAlone() {
        bybit.feed(SNAPSHOT_BEFORE_DELTA).events().drain();

        bybit.feed(VenueHarness.resource("bybit/delta-docs.json").replace("177400507", "177400508"));

        assertThat(bybit.events().drain()).containsExactly(
                new Broken("BTC-USDT", "u gap: expected 177400507, got 177400508"));
        assertThat(bybit.book("BTC-USDT").book().bids().isEmpty()).isTrue();
        assertThat(bybit.book("ETH-USDT").state()).isEqualTo(BookState.SYNCING);
    }

    @Test
    void aSnapshotWithUpdateIdOneAfterARestartReplacesTheBookAndTheDeltasFollowIt() {
        bybit.feed(SNAPSHOT_BEFORE_DELTA).events().drain();

        bybit.feed(VenueHarness.resource("bybit/snapshot-docs.json").replace("orderbook.50", "orderbook.200")
                .replace("18521288", "1"));
        bybit.feed("{\"topic\":\"orderbook.200.BTCUSDT\",\"ts\":1672304485078,\"type\":\"delta\",\"data\":"
                + "{\"s\":\"BTCUSDT\",\"b\":[[\"16000.1\",\"30.028\"]],\"a\":[],\"u\":2,\"seq\":7961638725},"
                + "\"cts\":1672304485076}");

        assertThat(bybit.events().drain()).isEmpty();
        assertThat(bybit.book("BTC-USDT").state()).isEqualTo(BookState.LIVE);
        assertThat(levels(bybit.book("BTC-USDT").book().bids(), BTC_USDT)).containsExactly("16493.5@0.006",
                "16493@0.1", "16000.1@30.028");
        assertThat(levels(bybit.book("BTC-USDT").book().asks(), BTC_USDT)).containsExactly("16611@0.029",
                "16612@0.213");
    }

    @Test
    void aDeltaWithUpdateIdOneIsARestartWithoutItsSnapshot() {
        bybit.feed(SNAPSHOT_BEFORE_DELTA).events().drain();

        bybit.feed(VenueHarness.resource("bybit/delta-docs.json").replace("177400507", "1"));

        assertThat(bybit.events().drain()).containsExactly(new Broken("BTC-USDT", "u = 1 in a delta: Bybit restarted"));
        assertThat(bybit.events().changes()).last()
                .isEqualTo(new Change("BTC-USDT", BookState.BROKEN, StateCause.RESTART));
    }

    @Test
    void spotWritesTsBeforeTypeAndSometimesAsAString() {
        bybit.feed(SNAPSHOT_BEFORE_DELTA.replace("\"ts\":1687940967400", "\"ts\":\"1772694601512\""));

        assertThat(bybit.events().drain()).containsExactly(new Live("BTC-USDT"));
    }

    @Test
    void theBookIsCutToTheSubscribedDepth() {
        StringBuilder bids = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            bids.append(i == 0 ? "" : ",").append("[\"").append(30000 - i).append("\",\"1\"]");
        }

        bybit.feed(SNAPSHOT_BEFORE_DELTA.replace("[[\"30247.20\",\"1\"],[\"30240.00\",\"5\"]]", "[" + bids + "]"));

        assertThat(bybit.book("BTC-USDT").book().bids().depth()).isEqualTo(200);
        assertThat(levels(bybit.book("BTC-USDT").book().bids(), BTC_USDT)).endsWith("29801@1");
    }

    @Test
    void everyDocumentedPongShowsTheConnectionAlive() {
        bybit.feedResource("bybit/pong-spot-docs.json").feedResource("bybit/pong-linear-docs.json")
                .feedResource("bybit/pong-option-docs.json");

        assertThat(bybit.events().drain()).containsExactly(new Heartbeat(), new Heartbeat(), new Heartbeat());
    }

    @Test
    void theSubscribeAckConfirmsEveryBookAndARefusalIsTheVenuesError() {
        bybit.feedResource("bybit/subscribe-ack-spot-docs.json");
        bybit.feed("{\"success\":false,\"ret_msg\":\"Invalid symbol :[tickers.NOPEUSDT]\",\"conn_id\":\"x\","
                + "\"req_id\":\"\",\"op\":\"subscribe\"}");

        assertThat(bybit.events().drain()).containsExactly(new Subscribed("BTC-USDT"), new Subscribed("ETH-USDT"),
                new VenueError("Invalid symbol :[tickers.NOPEUSDT]"));
    }

    @Test
    void aRestartOfTheServiceEndsEqualToTheTruthWithoutABreak() {
        DialectHarness server = new DialectHarness(venue, "BTC-USDT");
        VenueHarness client = new VenueHarness(venue, "BTC-USDT");
        server.truth(BTC_USDT).set(Side.BID, 3_000_000_000_000L, 10_000_000_000L);
        server.truth(BTC_USDT).set(Side.ASK, 3_000_100_000_000L, 10_000_000_000L);
        client.feed(server.connect()).feed(server.subscribe(List.of(BTC_USDT))).events().drain();

        server.failNext(UpdateFault.RESTART);
        List<String> restart = server.change(BTC_USDT, List.of(new Level(Side.BID, 2_999_900_000_000L, 1)));
        client.feed(restart).feed(server.change(BTC_USDT, List.of(new Level(Side.ASK, 3_000_200_000_000L, 1))));

        assertThat(restart).singleElement().asString().contains("\"type\":\"snapshot\"", "\"u\":1,");
        assertThat(client.events().drain()).isEmpty();
        assertThat(sides(client.book("BTC-USDT").book())).isEqualTo(sides(server.truth(BTC_USDT)));
    }

    @Test
    void theVenueDropsAClientThatNeitherPingsNorHearsDataForTenMinutes() {
        DialectHarness pinging = new DialectHarness(venue, "BTC-USDT");
        DialectHarness silent = new DialectHarness(venue, "BTC-USDT").withoutPings();
        pinging.connect();
        silent.connect();

        for (int minute = 0; minute < 11; minute++) {
            pinging.advance(Duration.ofMinutes(1));
            silent.advance(Duration.ofMinutes(1));
        }

        assertThat(pinging.isClosed()).isFalse();
        assertThat(silent.isClosed()).isTrue();
    }
}
