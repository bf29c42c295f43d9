package dev.sweep.venue.coinbase;

import static dev.sweep.venue.VenueHarness.levels;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.venue.FeedEvents.Broken;
import dev.sweep.venue.FeedEvents.Heartbeat;
import dev.sweep.venue.FeedEvents.Live;
import dev.sweep.venue.FeedEvents.Rejected;
import dev.sweep.venue.FeedEvents.Subscribed;
import dev.sweep.venue.FeedEvents.VenueError;
import dev.sweep.venue.FeedEvents;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.VenueHarness;
import java.util.List;
import dev.sweep.venue.Integrity;
import dev.sweep.venue.StampLog;
import dev.sweep.venue.StampLog.Stamp;
import org.junit.jupiter.api.Test;

class CoinbaseFeedAdapterTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");

    private final VenueHarness coinbase = new VenueHarness(new CoinbaseVenue(), "BTC-USD", "ETH-USD");

    @Test
    void booksAreCheckedByAGapFreeCounterOverTheFullBook() {
        CoinbaseVenue venue = new CoinbaseVenue();
        assertThat(venue.descriptor().integrity()).isEqualTo(Integrity.GAP_FREE_COUNTER);
        assertThat(venue.descriptor().depth()).isZero();
        assertThat(venue.symbol(BTC_USD)).isEqualTo("BTC-USD");
        assertThat(venue.descriptor().simulatorPath()).isEqualTo("/coinbase");
    }

    @Test
    void snapshotThenUpdateWithOfferSidesAndPricesComparedByValue() {
        coinbase.feedResource("coinbase/snapshot-docs.json");
        assertThat(coinbase.events().drain()).containsExactly(new Live("BTC-USD"));
        assertThat(levels(coinbase.book("BTC-USD").book().bids(), BTC_USD))
                .containsExactly("21921.74@0.06317902", "21921.3@0.02");
        assertThat(levels(coinbase.book("BTC-USD").book().asks(), BTC_USD)).containsExactly("21921.75@1.5");

        coinbase.feedResource("coinbase/update.json");

        assertThat(coinbase.events().drain()).isEmpty();
        assertThat(levels(coinbase.book("BTC-USD").book().bids(), BTC_USD))
                .containsExactly("21921.74@0.06317902", "21921.3@2");
        assertThat(levels(coinbase.book("BTC-USD").book().asks(), BTC_USD)).containsExactly("21922@0.25");
    }

    @Test
    void theListenersGetTheFramesSequenceNumberAndTimestamp() {
        StampLog log = new StampLog();
        coinbase.books().attach(log);

        coinbase.feedResource("coinbase/snapshot-docs.json").feedResource("coinbase/update.json");

        assertThat(log.stamps()).containsExactly(new Stamp("BTC-USD", 0, 1_675_974_770_714_964_855L),
                new Stamp("BTC-USD", 1, 1_775_572_201_456_789_000L));
    }

    @Test
    void aTimestampThatIsNotATimeIsUnknownAndTheFrameStillApplies() {
        StampLog log = new StampLog();
        coinbase.books().attach(log);
        coinbase.feedResource("coinbase/snapshot-docs.json");

        coinbase.feed(VenueHarness.resource("coinbase/update.json")
                .replace("\"timestamp\": \"2026-04-07T14:30:01.456789Z\"", "\"timestamp\": \"yesterday\""));

        assertThat(log.stamps()).last().isEqualTo(new Stamp("BTC-USD", 1, -1));
        assertThat(levels(coinbase.book("BTC-USD").book().asks(), BTC_USD)).containsExactly("21922@0.25");
    }

    @Test
    void aSequenceGapBreaksEveryBookOfTheConnection() {
        coinbase.feedResource("coinbase/snapshot-docs.json");
        coinbase.events().drain();

        coinbase.feed(VenueHarness.resource("coinbase/update.json").replace("\"sequence_num\": 1", "\"sequence_num\": 3"));

        assertThat(coinbase.events().drain()).containsExactly(
                new Broken("BTC-USD", "sequence gap: expected 1, got 3"),
                new Broken("ETH-USD", "sequence gap: expected 1, got 3"));
        assertThat(coinbase.book("BTC-USD").state()).isEqualTo(BookState.BROKEN);
        assertThat(coinbase.book("BTC-USD").book().bids().isEmpty()).isTrue();
    }

    @Test
    void anL2DataFrameWithoutEventsBreaksEveryBookNotOnlyThoseOfTheFrameBefore() {
        coinbase.feedResource("coinbase/snapshot-docs.json");
        coinbase.feed(VenueHarness.resource("coinbase/snapshot-docs.json").replace("\"BTC-USD\"", "\"ETH-USD\"")
                .replace("\"sequence_num\": 0", "\"sequence_num\": 1"));
        coinbase.events().drain();

        coinbase.feed("{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"2023-02-09T20:32:51Z\","
                + "\"sequence_num\":2}");

        assertThat(coinbase.events().drain()).containsExactly(new Rejected("l2_data without events"),
                new Broken("BTC-USD", "l2_data without events"), new Broken("ETH-USD", "l2_data without events"));
    }

    @Test
    void aDuplicateFrameIsDropped() {
        coinbase.feedResource("coinbase/snapshot-docs.json");
        coinbase.feedResource("coinbase/update.json");
        coinbase.events().drain();

        coinbase.feedResource("coinbase/update.json");

        assertThat(coinbase.events().drain()).containsExactly(
                new Rejected("duplicate or late frame: sequence_num 1 after 1"));
        assertThat(coinbase.book("BTC-USD").state()).isEqualTo(BookState.LIVE);
    }

    @Test
    void heartbeatsAndSubscriptionsShareTheSequence() {
        coinbase.feedResource("coinbase/heartbeats.json")
                .feedResource("coinbase/subscriptions.json")
                .feedResource("coinbase/error.json");

        assertThat(coinbase.events().drain()).containsExactly(new Heartbeat(), new Subscribed("BTC-USD"),
                new VenueError("Failed to subscribe"));
    }

    @Test
    void aSubscriptionIsConfirmedOnceThoughEverySubscriptionsFrameListsIt() {
        // Coinbase answers each subscribe (level2, then heartbeats) with every subscription the connection holds.
        String subscriptions = VenueHarness.resource("coinbase/subscriptions.json");
        coinbase.feed(subscriptions).feed(subscriptions.replace("\"sequence_num\":1", "\"sequence_num\":2")
                .replace("\"level2\":[\"BTC-USD\"]", "\"level2\":[\"BTC-USD\"],\"heartbeats\":[\"heartbeats\"]"));

        assertThat(coinbase.events().drain()).containsExactly(new Subscribed("BTC-USD"));
    }

    @Test
    void aNegativeQuantityRejectsTheFrameAndBreaksTheBooks() {
        coinbase.feedResource("coinbase/snapshot-docs.json");
        coinbase.events().drain();

        coinbase.feed(VenueHarness.resource("coinbase/update.json").replace("\"2.00000000\"", "\"-2\""));

        assertThat(coinbase.events().drain()).contains(
                new Rejected("bad new_quantity '-2': signs are not allowed (amounts are positive decimals)"));
        assertThat(coinbase.book("BTC-USD").state()).isEqualTo(BookState.BROKEN);
    }

    @Test
    void aCrossedBookIsBroken() {
        coinbase.feedResource("coinbase/snapshot-docs.json");
        coinbase.events().drain();

        coinbase.feed(VenueHarness.resource("coinbase/update.json").replace("\"21921.30\"", "\"21925\""));

        assertThat(coinbase.events().drain()).containsExactly(new Broken("BTC-USD", "crossed book after an update"));
    }

    @Test
    void aBookDeeperThanTheLimitIsAFloodAndIsRebuilt() {
        FeedEvents events = new FeedEvents();
        VenueBooks books = new VenueBooks(new CoinbaseVenue(), List.of(BTC_USD), 0, 2, events);
        byte[] snapshot = bytes(VenueHarness.resource("coinbase/snapshot-docs.json")
                .replace("\"21921.3\", \"new_quantity\": \"0.02\"}", "\"21921.3\", \"new_quantity\": \"0.02\"},"
                        + " {\"side\": \"bid\", \"event_time\": \"1970-01-01T00:00:00Z\", \"price_level\": \"21900\","
                        + " \"new_quantity\": \"1\"}"));
        new CoinbaseVenue().newAdapter(books).onFrame(snapshot, 0, snapshot.length, 1);

        assertThat(events.events()).containsExactly(new Broken("BTC-USD", "more than 2 levels on a side"));
        assertThat(books.get(0).state()).isEqualTo(BookState.BROKEN);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
