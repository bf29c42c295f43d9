package dev.sweep.sim;

import static dev.sweep.venue.VenueHarness.sides;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookSide;
import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.Side;
import dev.sweep.venue.DialectHarness;
import dev.sweep.venue.FeedEvents;
import dev.sweep.venue.LevelArbitraries;
import dev.sweep.venue.SnapshotSplice;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueHarness;
import dev.sweep.venue.Venues;
import dev.sweep.venue.okx.OkxVenue;
import dev.sweep.venue.server.RestAnswer;
import dev.sweep.venue.server.UpdateFault;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every venue whose snapshots come over REST passes, run over each such registered venue: its adapter,
 * its WebSocket dialect and its REST dialect agree on the splice, with no network in between. The client's harness
 * holds each snapshot its adapter asks for until the test answers it, so that updates can arrive before it: a stale
 * snapshot is fetched again; a gap among the buffered updates breaks the book; an error or a malformed body is
 * fetched again; too many buffered updates break the book; a snapshot that never comes breaks it after the last
 * attempt. Every broken book ends equal to the truth after a resync.
 */
class RestSnapshotContractTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final long SATOSHI = 100;

    static Stream<Named<Venue>> venues() {
        return restOnly().stream().filter(venue -> venue.restSnapshots().isPresent())
                .map(venue -> Named.of(venue.name(), venue));
    }

    /**
     * The registered venues, each serving its books as the REST path expects: OKX without the snapshot its channel
     * still sends (the removal it announced), so that its splice is what is tested.
     */
    static List<Venue> restOnly() {
        return Venues.all().stream().map(venue -> venue instanceof OkxVenue ? OkxVenue.withoutInBandSnapshot() : venue)
                .toList();
    }

    @ParameterizedTest
    @MethodSource("venues")
    void everyVenueWithARestEndpointServesItsSnapshotsThereAndOnlyThen(Venue venue) {
        assertThat(Venues.all()).allSatisfy(registered -> assertThat(registered.descriptor().rest().isPresent())
                .as(registered.name()).isEqualTo(registered.restSnapshots().isPresent()));
        DialectHarness server = server(venue);
        VenueHarness client = subscribed(venue, server);

        assertThat(client.book("BTC-USD").state()).as("no snapshot over the WebSocket").isEqualTo(BookState.SYNCING);
        assertThat(server.snapshot(Instrument.of("PUPS-USD")).status()).as("an unknown symbol").isBetween(400, 499);
    }

    @ParameterizedTest
    @MethodSource("venues")
    void aStaleSnapshotIsFetchedAgainAndTheBookEndsEqualToTheTruth(Venue venue) {
        DialectHarness server = server(venue);
        RestAnswer stale = server.snapshot(BTC_USD);
        server.connect();
        server.change(BTC_USD, List.of(resizedBest(server, Side.BID))); // a change the client never sees
        VenueHarness client = subscribed(venue, server);
        move(client, server, Side.ASK);

        client.answerSnapshot("BTC-USD", stale);

        assertThat(client.book("BTC-USD").state()).isEqualTo(BookState.SYNCING);
        assertThat(client.wantedSnapshots()).containsExactly("BTC-USD");
        assertThat(client.events().events()).filteredOn(FeedEvents.SnapshotWanted.class::isInstance)
                .extracting(event -> ((FeedEvents.SnapshotWanted) event).attempt()).containsExactly(0, 1);

        client.answerSnapshot("BTC-USD", server.snapshot(BTC_USD));
        move(client, server, Side.BID);

        assertLiveAndTrue(client, server);
    }

    @ParameterizedTest
    @MethodSource("venues")
    void aGapAmongTheBufferedUpdatesBreaksTheBookAndAResyncEndsEqualToTheTruth(Venue venue) {
        DialectHarness server = server(venue);
        VenueHarness client = subscribed(venue, server);
        RestAnswer snapshot = server.snapshot(BTC_USD);
        move(client, server, Side.BID);
        server.failNext(UpdateFault.LOST);
        move(client, server, Side.ASK);
        move(client, server, Side.BID);

        client.answerSnapshot("BTC-USD", snapshot);

        assertThat(client.book("BTC-USD").state()).isEqualTo(BookState.BROKEN);
        assertThat(client.events().events()).hasAtLeastOneElementOfType(FeedEvents.Broken.class);
        resync(client, server);
        assertLiveAndTrue(client, server);
    }

    @ParameterizedTest
    @MethodSource("venues")
    void anErrorOrAMalformedSnapshotIsFetchedAgainAndTheBookGoesLive(Venue venue) {
        DialectHarness server = server(venue);
        VenueHarness client = subscribed(venue, server);
        move(client, server, Side.BID);

        client.answerSnapshot("BTC-USD", new RestAnswer(503, "{\"error\":\"maintenance\"}"));
        String whole = server.snapshot(BTC_USD).body();
        client.answerSnapshot("BTC-USD", RestAnswer.ok(whole.substring(0, whole.length() / 2)));
        client.answerSnapshot("BTC-USD", RestAnswer.ok("[]"));
        assertThat(client.book("BTC-USD").state()).isEqualTo(BookState.SYNCING);
        client.answerSnapshot("BTC-USD", server.snapshot(BTC_USD));

        assertLiveAndTrue(client, server);
        assertThat(client.events().events()).filteredOn(FeedEvents.SnapshotWanted.class::isInstance)
                .extracting(event -> ((FeedEvents.SnapshotWanted) event).attempt()).containsExactly(0, 1, 2, 3);
        assertThat(client.events().events()).doesNotHaveAnyElementsOfTypes(FeedEvents.Broken.class);
    }

    @ParameterizedTest
    @MethodSource("venues")
    void moreUpdatesThanTheBufferHoldsBreakTheBookAndAResyncEndsEqualToTheTruth(Venue venue) {
        DialectHarness server = server(venue);
        VenueHarness client = new VenueHarness(venue, "BTC-USD");
        client.feed(server.connect()).feed(server.subscribe(List.of(BTC_USD)));
        int bound = venue.restSnapshots().orElseThrow().maxBufferedUpdates();
        for (int i = 0; i < bound; i++) {
            move(client, server, i % 2 == 0 ? Side.BID : Side.ASK);
        }
        assertThat(client.book("BTC-USD").state()).isEqualTo(BookState.SYNCING);

        move(client, server, Side.BID);

        assertThat(client.book("BTC-USD").state()).isEqualTo(BookState.BROKEN);
        assertThat(client.events().events()).last().isEqualTo(new FeedEvents.Broken("BTC-USD",
                "more than " + bound + " updates waiting for the snapshot"));
        resync(client, server);
        assertLiveAndTrue(client, server);
    }

    @ParameterizedTest
    @MethodSource("venues")
    void aSnapshotThatNeverComesBreaksTheBookAfterTheLastAttempt(Venue venue) {
        DialectHarness server = server(venue);
        VenueHarness client = subscribed(venue, server);

        for (int attempt = 0; attempt < SnapshotSplice.MAX_ATTEMPTS; attempt++) {
            client.answerSnapshot("BTC-USD", new RestAnswer(503, ""));
        }

        assertThat(client.book("BTC-USD").state()).isEqualTo(BookState.BROKEN);
        assertThat(client.wantedSnapshots()).isEmpty();
        assertThat(client.events().events()).last().isEqualTo(new FeedEvents.Broken("BTC-USD",
                "no usable snapshot in " + SnapshotSplice.MAX_ATTEMPTS + " attempts: HTTP 503"));
        resync(client, server);
        assertLiveAndTrue(client, server);
    }

    /** A venue listing BTC-USD and ETH-USD, with twenty levels a side of BTC-USD. */
    private static DialectHarness server(Venue venue) {
        DialectHarness server = new DialectHarness(venue, "BTC-USD", "ETH-USD");
        List<Level> levels = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            levels.add(new Level(Side.BID, (60_000L * 10 - i) * 10_000_000L, i * 1_000 * SATOSHI));
            levels.add(new Level(Side.ASK, (60_000L * 10 + i) * 10_000_000L, i * 2_000 * SATOSHI));
        }
        LevelArbitraries.set(server.truth(BTC_USD), levels);
        return server;
    }

    /**
     * A client subscribed to BTC-USD, waiting for the snapshot it asked for: on the subscription's answer (Binance),
     * or at the book's first update (OKX, whose channel may still send a snapshot instead), which then comes first.
     */
    private static VenueHarness subscribed(Venue venue, DialectHarness server) {
        VenueHarness client = new VenueHarness(venue, "BTC-USD");
        client.feed(server.connect()).feed(server.subscribe(List.of(BTC_USD)));
        if (client.wantedSnapshots().isEmpty()) {
            move(client, server, Side.BID);
        }
        assertThat(client.wantedSnapshots()).containsExactly("BTC-USD");
        return client;
    }

    /** A new connection, whose snapshot comes after an update buffered while it was on its way. */
    private static void resync(VenueHarness client, DialectHarness server) {
        client.reconnect();
        client.feed(server.connect()).feed(server.subscribe(List.of(BTC_USD)));
        RestAnswer snapshot = server.snapshot(BTC_USD);
        move(client, server, Side.ASK);
        client.answerSnapshot("BTC-USD", snapshot);
    }

    private static void assertLiveAndTrue(VenueHarness client, DialectHarness server) {
        VenueBook book = client.book("BTC-USD");
        assertThat(book.state()).isEqualTo(BookState.LIVE);
        assertThat(sides(book.book())).isEqualTo(sides(server.truth(BTC_USD)));
    }

    /** Changes the best level of a side in the truth, and hands the client what the venue sends about it. */
    private static void move(VenueHarness client, DialectHarness server, Side side) {
        client.feed(server.change(BTC_USD, List.of(resizedBest(server, side))));
    }

    /** The best level of a side, resized: a change at the top of the book. */
    private static Level resizedBest(DialectHarness server, Side side) {
        BookSide levels = server.truth(BTC_USD).side(side);
        return new Level(side, levels.price(0), levels.size(0) + SATOSHI);
    }
}
