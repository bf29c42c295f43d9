package dev.sweep.venue.okx;

import static dev.sweep.venue.VenueHarness.levels;
import static dev.sweep.venue.VenueHarness.sides;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.core.TakerFee;
import dev.sweep.venue.DialectHarness;
import dev.sweep.venue.FeedEvents.Broken;
import dev.sweep.venue.FeedEvents.Heartbeat;
import dev.sweep.venue.FeedEvents.Live;
import dev.sweep.venue.FeedEvents.Subscribed;
import dev.sweep.venue.FeedEvents.VenueError;
import dev.sweep.venue.Integrity;
import dev.sweep.venue.FeedEvents.SnapshotWanted;
import dev.sweep.venue.KeepAlive;
import dev.sweep.venue.RestSnapshots;
import dev.sweep.venue.SpliceRule;
import dev.sweep.venue.VenueHarness;
import dev.sweep.venue.server.RestAnswer;
import dev.sweep.venue.server.UpdateFault;
import java.time.Duration;
import java.util.List;
import dev.sweep.venue.StampLog;
import dev.sweep.venue.StampLog.Stamp;
import org.junit.jupiter.api.Test;

class OkxFeedAdapterTest {

    private static final Instrument BTC_USDT = Instrument.of("BTC-USDT");
    /** Levels of the documented snapshot after the documented update, which sets the same levels again. */
    private static final List<String> ASKS = List.of("8476.98@415", "8477@7", "8477.34@85", "8477.56@1", "8505.84@8",
            "8506.37@85", "8506.49@2", "8506.96@100");
    private static final List<String> BIDS = List.of("8476.97@256", "8475.55@101", "8475.54@100", "8475.3@1",
            "8447.32@6", "8447.02@246", "8446.83@24", "8446@95");

    private final OkxVenue venue = new OkxVenue();
    private final VenueHarness okx = new VenueHarness(venue, "BTC-USDT", "ETH-USDT");

    @Test
    void booksOf400LevelsInUsdtCheckedByChainedIdsPingedWithText() {
        assertThat(venue.symbol(BTC_USDT)).isEqualTo("BTC-USDT");
        assertThat(venue.bookDepth()).isEqualTo(400);
        assertThat(venue.descriptor().integrity()).isEqualTo(Integrity.CHAINED_ID);
        assertThat(venue.descriptor().keepAlive()).isEqualTo(KeepAlive.textPing("ping", Duration.ofSeconds(20)));
        assertThat(venue.defaultTakerFee()).isEqualTo(TakerFee.parse("0.10%"));
        assertThat(venue.quoteCurrencies()).containsExactly("USDT");
        assertThat(venue.descriptor().simulatorPath()).isEqualTo("/okx/ws/v5/public");
        assertThat(venue.subscribeMessages(List.of(BTC_USDT))).containsExactly(
                "{\"id\":\"1\",\"op\":\"subscribe\",\"args\":[{\"channel\":\"books\",\"instId\":\"BTC-USDT\"}]}");
    }

    @Test
    void theDocumentedSnapshotAndUpdateChainAndCarryChecksumZero() {
        okx.feedResource("okx/snapshot-docs.json").feedResource("okx/update-docs.json");

        assertThat(okx.events().drain()).containsExactly(new Live("BTC-USDT"));
        assertThat(levels(okx.book("BTC-USDT").book().asks(), BTC_USDT)).isEqualTo(ASKS);
        assertThat(levels(okx.book("BTC-USDT").book().bids(), BTC_USDT)).isEqualTo(BIDS);
    }

    @Test
    void theListenersGetEachMessagesSeqIdAndTs() {
        StampLog log = new StampLog();
        okx.books().attach(log);

        okx.feedResource("okx/snapshot-docs.json").feedResource("okx/update-docs.json");

        assertThat(log.stamps()).containsExactly(new Stamp("BTC-USDT", 123_456, 1_597_026_383_085_000_000L),
                new Stamp("BTC-USDT", 123_457, 1_597_026_383_085_000_000L));
    }

    @Test
    void anUpdateThatDoesNotNameTheLastSeqIdBreaksItsBookAlone() {
        okx.feedResource("okx/snapshot-docs.json").events().drain();

        okx.feed(VenueHarness.resource("okx/update-docs.json").replace("\"prevSeqId\": 123456",
                "\"prevSeqId\": 123450"));

        assertThat(okx.events().drain()).containsExactly(new Broken("BTC-USDT", "prevSeqId 123450 after seqId 123456"));
        assertThat(okx.book("ETH-USDT").state()).isEqualTo(BookState.SYNCING);
    }

    @Test
    void idsJumpANoChangeMessageRepeatsItsIdAndAResetFallsBelow() {
        okx.feedResource("okx/snapshot-docs.json").events().drain();
        String update = VenueHarness.resource("okx/update-docs.json");

        // The documented sequence, from 123456: a jump, a message that changes nothing, a reset, a step after it.
        okx.feed(update.replace("123457", "123500"));
        okx.feed("{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"update\",\"data\":[{\"asks\":[],"
                + "\"bids\":[],\"ts\":\"1597026443085\",\"checksum\":0,\"prevSeqId\":123500,\"seqId\":123500}]}");
        okx.feed(update.replace("123456", "123500").replace("123457", "3"));
        okx.feed(update.replace("123456", "3").replace("123457", "5"));

        assertThat(okx.events().drain()).isEmpty();
        assertThat(okx.book("BTC-USDT").state()).isEqualTo(BookState.LIVE);
        assertThat(levels(okx.book("BTC-USDT").book().asks(), BTC_USDT)).isEqualTo(ASKS);
    }

    @Test
    void theChecksumIsTheSignedCrcOfTheTop25InterleavedAsTheComputedVectorsSay() {
        for (String line : VenueHarness.resource("okx/checksum-vectors.txt").lines()
                .filter(line -> !line.startsWith("#")).toList()) {
            String[] vector = line.split("\t");
            assertThat(OkxChecksum.of(vector[0])).as(vector[0]).isEqualTo(Integer.parseInt(vector[1]));
        }
        OrderBook book = new OrderBook("okx", BTC_USDT, 1);
        book.set(Side.BID, 336_610_000_000L, 70_000_000_000L);
        book.set(Side.BID, 336_600_000_000L, 60_000_000_000L);
        book.set(Side.ASK, 336_680_000_000L, 90_000_000_000L);
        book.set(Side.ASK, 336_800_000_000L, 80_000_000_000L);

        assertThat(OkxChecksum.text(book)).isEqualTo("3366.1:7:3366.8:9:3366:6:3368:8");
        assertThat(OkxChecksum.of(book)).isEqualTo(-1881014294);
    }

    @Test
    void aNonZeroChecksumIsCheckedAndTheOldDocumentedOneDoesNotMatchItsLevels() {
        okx.feed(VenueHarness.resource("okx/snapshot-docs.json").replace("\"checksum\": 0",
                "\"checksum\": -2102840145"));
        assertThat(okx.events().drain()).containsExactly(new Live("BTC-USDT"));

        okx.feedResource("okx/snapshot-docs-pre2026-06.json");

        assertThat(okx.events().drain()).containsExactly(
                new Broken("BTC-USDT", "checksum -855196043, the book's is -2102840145"));
    }

    @Test
    void pongNoticeAckAndTheDocumentedError() {
        okx.feed("pong").feedResource("okx/notice-docs.json").feedResource("okx/subscribe-docs.json")
                .feedResource("okx/error-docs.json");

        assertThat(okx.events().drain()).containsExactly(new Heartbeat(), new Heartbeat(), new Subscribed("BTC-USDT"),
                // The message as the frame writes it, escapes and all (FrameDecoder's Range.textOr).
                new VenueError("Invalid request: {\\\"op\\\": \\\"subscribe\\\", \\\"argss\\\":[{ \\\"channel\\\" : "
                        + "\\\"books\\\", \\\"instId\\\" : \\\"BTC-USD-191227\\\"}]}"));
    }

    @Test
    void theBookIsCutTo400Levels() {
        StringBuilder bids = new StringBuilder();
        for (int i = 0; i < 450; i++) {
            bids.append(i == 0 ? "" : ",").append("[\"").append(8000 - i).append("\",\"1\",\"0\",\"1\"]");
        }
        String snapshot = VenueHarness.resource("okx/snapshot-docs.json").replaceAll("\"bids\": \\[[^=]*?]\\s*]",
                "\"bids\": [" + bids + "]");

        okx.feed(snapshot);

        assertThat(okx.book("BTC-USDT").book().bids().depth()).isEqualTo(400);
        assertThat(levels(okx.book("BTC-USDT").book().bids(), BTC_USDT)).endsWith("7601@1");
    }

    @Test
    void theDialectsFaultsEndBrokenOrEqualToTheTruth() {
        for (UpdateFault fault : UpdateFault.values()) {
            DialectHarness server = new DialectHarness(venue, "BTC-USDT");
            VenueHarness client = new VenueHarness(venue, "BTC-USDT");
            server.truth(BTC_USDT).set(Side.BID, 3_000_000_000_000L, 10_000_000_000L);
            server.truth(BTC_USDT).set(Side.ASK, 3_000_100_000_000L, 10_000_000_000L);
            client.feed(server.connect()).feed(server.subscribe(List.of(BTC_USDT))).events().drain();

            server.failNext(fault);
            client.feed(server.change(BTC_USDT, List.of(new Level(Side.BID, 2_999_900_000_000L, 1))));
            client.feed(server.change(BTC_USDT, List.of(new Level(Side.ASK, 3_000_200_000_000L, 1))));

            boolean breaks = fault == UpdateFault.LOST || fault == UpdateFault.BAD_CHECK;
            assertThat(client.book("BTC-USDT").state()).as(fault.name())
                    .isEqualTo(breaks ? BookState.BROKEN : BookState.LIVE);
            if (!breaks) {
                assertThat(sides(client.book("BTC-USDT").book())).as(fault.name())
                        .isEqualTo(sides(server.truth(BTC_USDT)));
            }
        }
    }

    @Test
    void aQuietBookGetsTheNoChangeMessageAndAClientThatDoesNotPingIsDropped() {
        DialectHarness pinging = new DialectHarness(venue, "BTC-USDT");
        DialectHarness silent = new DialectHarness(venue, "BTC-USDT").withoutPings();
        VenueHarness client = new VenueHarness(venue, "BTC-USDT");
        pinging.truth(BTC_USDT).set(Side.BID, 3_000_000_000_000L, 10_000_000_000L);
        client.feed(pinging.connect()).feed(pinging.subscribe(List.of(BTC_USDT))).events().drain();
        silent.connect();

        for (int second = 0; second < 61; second++) {
            client.feed(pinging.advance(Duration.ofSeconds(1)));
            silent.advance(Duration.ofSeconds(1));
        }

        assertThat(pinging.isClosed()).isFalse();
        assertThat(silent.isClosed()).isTrue();
        assertThat(client.events().drain()).containsOnly(new Heartbeat());
        assertThat(client.book("BTC-USDT").updates()).isEqualTo(2);
    }

    @Test
    void withoutASnapshotOnTheChannelTheDocumentedRestSnapshotIsSplicedByItsSeqId() {
        // Around the documented REST snapshot (seqId 3235851742, one level a side): an update it already holds, and
        // one that straddles it, its prevSeqId below the snapshot's as "not all snapshot seqId will appear".
        String held = update(3235851700L, 3235851740L, "[[\"41000\",\"9\",\"0\",\"1\"]]", "[]");
        String straddling = update(3235851740L, 3235851745L, "[[\"41006.3\",\"0\",\"0\",\"0\"]]",
                "[[\"41007.1\",\"2\",\"0\",\"1\"]]");

        okx.feed(held).feed(straddling);

        assertThat(okx.events().drain()).containsExactly(new SnapshotWanted("BTC-USDT", 0, "first update"));
        okx.answerSnapshot("BTC-USDT", RestAnswer.ok(VenueHarness.resource("okx/rest-books-docs.json")));

        assertThat(okx.events().drain()).containsExactly(new Live("BTC-USDT"));
        assertThat(levels(okx.book("BTC-USDT").book().asks(), BTC_USDT)).containsExactly("41006.8@0.60038921",
                "41007.1@2");
        assertThat(levels(okx.book("BTC-USDT").book().bids(), BTC_USDT)).isEmpty();
    }

    /** A {@code books} update of BTC-USDT, in OKX's documented shape. */
    private static String update(long previous, long id, String bids, String asks) {
        return "{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"update\",\"data\":[{\"asks\":"
                + asks + ",\"bids\":" + bids + ",\"ts\":\"1629966436400\",\"checksum\":0,\"prevSeqId\":" + previous
                + ",\"seqId\":" + id + "}]}";
    }

    @Test
    void withoutASnapshotOnTheChannelTheBookFollowsTheTruthThroughItsRestSnapshot() {
        DialectHarness server = new DialectHarness(OkxVenue.withoutInBandSnapshot(), "BTC-USDT");
        VenueHarness client = new VenueHarness(venue, "BTC-USDT");
        server.truth(BTC_USDT).set(Side.BID, 3_000_000_000_000L, 10_000_000_000L);
        server.truth(BTC_USDT).set(Side.ASK, 3_000_100_000_000L, 10_000_000_000L);
        client.feed(server.connect()).feed(server.subscribe(List.of(BTC_USDT)));
        assertThat(client.book("BTC-USDT").state()).isEqualTo(BookState.SYNCING);

        client.feed(server.change(BTC_USDT, List.of(new Level(Side.BID, 2_999_900_000_000L, 1))));
        client.feed(server.change(BTC_USDT, List.of(new Level(Side.ASK, 3_000_200_000_000L, 1))));
        assertThat(client.wantedSnapshots()).containsExactly("BTC-USDT");
        client.snapshotsFrom(server);
        client.feed(server.change(BTC_USDT, List.of(new Level(Side.BID, 2_999_800_000_000L, 5))));

        assertThat(client.book("BTC-USDT").state()).isEqualTo(BookState.LIVE);
        assertThat(sides(client.book("BTC-USDT").book())).isEqualTo(sides(server.truth(BTC_USDT)));
    }

    @Test
    void aRestSnapshotOlderThanTheFirstUpdateIsFetchedAgain() {
        DialectHarness server = new DialectHarness(OkxVenue.withoutInBandSnapshot(), "BTC-USDT");
        VenueHarness client = new VenueHarness(venue, "BTC-USDT");
        server.truth(BTC_USDT).set(Side.BID, 3_000_000_000_000L, 10_000_000_000L);
        client.feed(server.connect()).feed(server.subscribe(List.of(BTC_USDT)));
        RestAnswer stale = server.snapshot(BTC_USDT);
        server.change(BTC_USDT, List.of(new Level(Side.ASK, 3_000_300_000_000L, 1))); // before the client's first
        client.feed(server.change(BTC_USDT, List.of(new Level(Side.ASK, 3_000_200_000_000L, 1))));

        client.answerSnapshot("BTC-USDT", stale);

        assertThat(client.book("BTC-USDT").state()).isEqualTo(BookState.SYNCING);
        assertThat(client.wantedSnapshots()).containsExactly("BTC-USDT");
        client.snapshotsFrom(server);
        assertThat(client.book("BTC-USDT").state()).isEqualTo(BookState.LIVE);
        assertThat(sides(client.book("BTC-USDT").book())).isEqualTo(sides(server.truth(BTC_USDT)));
    }

    @Test
    void aLostUpdateAfterTheSpliceBreaksTheBookAndARestartContinuesIt() {
        for (UpdateFault fault : List.of(UpdateFault.LOST, UpdateFault.RESTART)) {
            DialectHarness server = new DialectHarness(OkxVenue.withoutInBandSnapshot(), "BTC-USDT");
            VenueHarness client = new VenueHarness(venue, "BTC-USDT").snapshotsFrom(server);
            server.truth(BTC_USDT).set(Side.BID, 3_000_000_000_000L, 10_000_000_000L);
            client.feed(server.connect()).feed(server.subscribe(List.of(BTC_USDT)));
            client.feed(server.change(BTC_USDT, List.of(new Level(Side.ASK, 3_000_200_000_000L, 1))));
            assertThat(client.book("BTC-USDT").state()).isEqualTo(BookState.LIVE);

            server.failNext(fault);
            client.feed(server.change(BTC_USDT, List.of(new Level(Side.BID, 2_999_900_000_000L, 1))));
            client.feed(server.change(BTC_USDT, List.of(new Level(Side.ASK, 3_000_100_000_000L, 1))));

            assertThat(client.book("BTC-USDT").state()).as(fault.name())
                    .isEqualTo(fault == UpdateFault.LOST ? BookState.BROKEN : BookState.LIVE);
        }
    }

    @Test
    void theSpliceRuleHoldsJoinsAndRefusesAsOkxDocumentsIt() {
        OkxSpliceRule rule = new OkxSpliceRule();

        assertThat(rule.joins(10, 5, 10)).isEqualTo(SpliceRule.Join.HELD);
        assertThat(rule.joins(10, 10, 15)).isEqualTo(SpliceRule.Join.NEXT);
        assertThat(rule.joins(10, 8, 15)).as("prevSeqId below the snapshot's").isEqualTo(SpliceRule.Join.NEXT);
        assertThat(rule.joins(10, 11, 15)).as("the snapshot is older").isEqualTo(SpliceRule.Join.GAP);
        assertThat(rule.follows(15, 15, 20)).isEqualTo(SpliceRule.Join.NEXT);
        assertThat(rule.follows(15, 15, 15)).as("no change").isEqualTo(SpliceRule.Join.NEXT);
        assertThat(rule.follows(15, 15, 3)).as("reset").isEqualTo(SpliceRule.Join.NEXT);
        assertThat(rule.follows(15, 14, 20)).isEqualTo(SpliceRule.Join.GAP);
        assertThat(rule.follows(15, 16, 20)).isEqualTo(SpliceRule.Join.GAP);
    }

    @Test
    void theRestSideAnswersTheBooksRequestAndRefusesAsOkxDoes() {
        DialectHarness server = new DialectHarness(venue, "BTC-USDT");
        server.truth(BTC_USDT).set(Side.BID, 3_000_000_000_000L, 10_000_000_000L);
        RestSnapshots rest = venue.restSnapshots().orElseThrow();

        assertThat(rest.request(BTC_USDT)).isEqualTo("/api/v5/market/books?instId=BTC-USDT&sz=400");
        // ts is the simulator's clock when it answers: the harness's start.
        assertThat(server.snapshot(BTC_USDT).body()).isEqualTo("{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"asks\":[],"
                + "\"bids\":[[\"30000\",\"1\",\"0\",\"1\"]],\"ts\":\"1795780800000\",\"seqId\":0}]}");
        assertThat(rest.answer("/api/v5/market/books?instId=DOGE-USDT&sz=400", server, 0)).isEqualTo(new RestAnswer(400,
                "{\"code\":\"51001\",\"msg\":\"Instrument ID does not exist\",\"data\":[]}"));
        assertThat(venue.descriptor().simulatorRestPath()).contains("/okx");
    }
}
