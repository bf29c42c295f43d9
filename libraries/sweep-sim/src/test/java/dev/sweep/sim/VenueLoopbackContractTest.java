package dev.sweep.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.sim.session.Session;
import dev.sweep.venue.FeedEvents;
import dev.sweep.venue.Integrity;
import dev.sweep.venue.StateCause;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueHarness;
import dev.sweep.venue.Venues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The venue contract over real WebSockets: every registered venue, served by the simulator on loopback and read by a
 * client with the venue's own adapter, ends equal to the simulator's truth; each fault the simulator injects that the
 * venue's integrity family can see ends with the book broken for the cause the fault stands for (or the connection
 * gone), and a fresh connection ends equal to the truth again; a stall holds frames back and then delivers them all.
 */
@Timeout(120)
class VenueLoopbackContractTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Updates after an injected gap within which a checksum should have seen it, before another is injected. */
    private static final int UPDATES_TO_SEE_A_GAP = 30;

    static Stream<Named<Venue>> venues() {
        return Venues.all().stream().map(venue -> Named.of(venue.name(), venue));
    }

    /** Every venue with every simulator fault that shows on it. */
    static Stream<Arguments> faults() {
        List<Arguments> faults = new ArrayList<>();
        for (Venue venue : Venues.all()) {
            if (venue.descriptor().integrity().detectsLoss()) {
                faults.add(Arguments.of(Named.of(venue.name(), venue), Fault.GAP));
            }
            if (venue.carriesChecksum()) {
                faults.add(Arguments.of(Named.of(venue.name(), venue), Fault.CHECKSUM));
            }
            faults.add(Arguments.of(Named.of(venue.name(), venue), Fault.MALFORMED));
            faults.add(Arguments.of(Named.of(venue.name(), venue), Fault.DROP));
        }
        return faults.stream();
    }

    /** The cause a book broken by the fault reports: a lost update shows as a checksum where that is the check. */
    private static StateCause causeOf(Venue venue, Fault fault) {
        return switch (fault) {
            case GAP -> venue.descriptor().integrity() == Integrity.CHECKSUM
                    ? StateCause.CHECKSUM_MISMATCH : StateCause.SEQUENCE_GAP;
            case CHECKSUM -> StateCause.CHECKSUM_MISMATCH;
            case MALFORMED -> StateCause.MALFORMED;
            default -> throw new IllegalArgumentException(fault + " does not break a book");
        };
    }

    @ParameterizedTest
    @MethodSource("venues")
    void aClientEndsWithTheTruthBook(Venue venue) throws InterruptedException {
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(200));
             WsClient client = WsClient.connect(simulator.endpoint(venue.name()), venue, btc(venue),
                     VenueHarness.symbol(venue, "ETH"))) {
            client.subscribe(venue);
            client.await("both books live", WAIT, c -> c.book(btc(venue)).state() == BookState.LIVE
                    && c.book(VenueHarness.symbol(venue, "ETH")).state() == BookState.LIVE);
            long updatesBefore = client.book(btc(venue)).updates();
            client.await("updates", WAIT, c -> c.book(btc(venue)).updates() > updatesBefore + 20);

            simulator.pause();
            OrderBook truth = visibleTruth(simulator, venue);
            client.await("the truth", WAIT, c -> c.bookEquals(btc(venue), truth));

            assertThat(client.book(btc(venue)).state()).isEqualTo(BookState.LIVE);
            assertThat(client.events()).doesNotHaveAnyElementsOfTypes(FeedEvents.Broken.class,
                    FeedEvents.Rejected.class, FeedEvents.VenueError.class);
            assertThat(truth.bids().depth()).isGreaterThan(100);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("faults")
    void eachFaultShowsAndAFreshConnectionEndsEqualToTheTruth(Venue venue, Fault fault) throws InterruptedException {
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(100))) {
            try (WsClient client = liveClient(simulator, venue)) {
                injectUntilSeen(simulator, client, venue, fault);
            }
            try (WsClient fresh = liveClient(simulator, venue)) {
                simulator.pause();
                OrderBook truth = visibleTruth(simulator, venue);
                fresh.await("the truth", WAIT, c -> c.bookEquals(btc(venue), truth));
                assertThat(fresh.book(btc(venue)).state()).isEqualTo(BookState.LIVE);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("venues")
    void aStallHoldsFramesBackThenDeliversThemAll(Venue venue) throws InterruptedException {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-27T12:00:00Z"));
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(0).withClock(clock));
             WsClient client = liveClient(simulator, venue)) {
            simulator.inject(venue.name(), Fault.STALL);
            simulator.advance(200);
            long sentWhenStalled = simulator.framesSent();

            simulator.advance(200);
            assertThat(simulator.framesSent()).as("frames sent while stalled").isEqualTo(sentWhenStalled);

            clock.advance(Duration.ofNanos(Session.STALL_NANOS));
            OrderBook truth = visibleTruth(simulator, venue);
            client.await("the truth, once the stall is over", WAIT, c -> c.bookEquals(btc(venue), truth));
            assertThat(client.book(btc(venue)).state()).isEqualTo(BookState.LIVE);
            assertThat(client.events()).doesNotHaveAnyElementsOfTypes(FeedEvents.Broken.class);
        }
    }

    private static WsClient liveClient(Simulator simulator, Venue venue) throws InterruptedException {
        WsClient client = WsClient.connect(simulator.endpoint(venue.name()), venue, btc(venue));
        client.subscribe(venue);
        client.await("a live book", WAIT, c -> c.book(btc(venue)).state() == BookState.LIVE);
        return client;
    }

    /**
     * Injects the fault until the client sees it: a dropped connection closes, any other fault breaks the book. A
     * checksum sees a lost update only when the update touched the levels it covers, so a gap may take a few tries.
     */
    private static void injectUntilSeen(Simulator simulator, WsClient client, Venue venue, Fault fault)
            throws InterruptedException {
        // A gap in the first update after a REST snapshot cannot be told from a snapshot older than that update (the
        // splice names it STALE_SNAPSHOT and fetches another): the fault goes into a book that has followed its snapshot
        // by an update.
        long atLive = client.book(btc(venue)).updates();
        client.await("an update after the snapshot", WAIT, c -> c.book(btc(venue)).updates() > atLive);
        int changesBefore = client.changes().size();
        for (int attempt = 0; attempt < 10 && !isSeen(client, venue, fault); attempt++) {
            long updates = client.book(btc(venue)).updates();
            simulator.inject(venue.name(), fault);
            client.await("the " + fault.label() + " to show, or more updates", WAIT,
                    c -> isSeen(c, venue, fault) || c.book(btc(venue)).updates() > updates + UPDATES_TO_SEE_A_GAP);
        }
        if (fault == Fault.DROP) {
            assertThat(client.isClosed()).as("closed").isTrue();
        } else {
            assertThat(client.book(btc(venue)).state()).isEqualTo(BookState.BROKEN);
            assertThat(client.events()).hasAtLeastOneElementOfType(FeedEvents.Broken.class);
            List<FeedEvents.Change> changes = client.changes();
            assertThat(changes.subList(changesBefore, changes.size()))
                    .filteredOn(change -> change.to() == BookState.BROKEN).first()
                    .isEqualTo(new FeedEvents.Change(btc(venue), BookState.BROKEN, causeOf(venue, fault)));
        }
    }

    private static boolean isSeen(WsClient client, Venue venue, Fault fault) {
        return fault == Fault.DROP ? client.isClosed() : client.book(btc(venue)).state() == BookState.BROKEN;
    }

    /** The venue's BTC book in its own quote currency: the simulator serves a venue only what it lists. */
    private static String btc(Venue venue) {
        return VenueHarness.symbol(venue, "BTC");
    }

    /** The simulator's book, cut to the depth the venue sends. */
    private static OrderBook visibleTruth(Simulator simulator, Venue venue) {
        OrderBook truth = simulator.truth(venue.name(), Instrument.of(btc(venue)));
        if (venue.bookDepth() > 0) {
            truth.truncate(venue.bookDepth());
        }
        return truth;
    }
}
