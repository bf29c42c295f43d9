package dev.sweep.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.sim.Fault;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.BookListener;
import dev.sweep.venue.StateCause;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueHarness;
import dev.sweep.venue.Venues;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A venue that closes its connections after a while (Binance: 24 h), or announces that it will, gets a planned
 * reconnect: over the simulator, Binance with its connection life cut to two seconds has its connection replaced again
 * and again by one whose book was live before it took over, so that the book never leaves LIVE, and after each switch
 * the book, and the book a listener attached to the feed keeps, equal the truth.
 */
@Timeout(90)
class PlannedReconnectTest {

    private static final Instrument BTC_USDT = Instrument.of("BTC-USDT");
    private static final Duration LIFE = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<BookStateChange> changes = new CopyOnWriteArrayList<>();

    @Test
    void aConnectionReplacedBeforeTheVenuesLimitKeepsItsBookLiveAndTrue() throws InterruptedException {
        Venue binance = Venues.byName("binance").orElseThrow();
        Venue shortLived = new RedescribedVenue(binance, binance.descriptor().withConnectionLife(LIFE));
        OrderBook followed = new OrderBook("binance", BTC_USDT, 2);
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(100), List.of(binance));
             FeedManager feeds = new FeedManager(List.of(shortLived), Map.of("binance", simulator.endpoint("binance")),
                     Map.of("binance", simulator.restEndpoint("binance")), List.of(BTC_USDT),
                     FeedSettings.defaults(), FrameTap.NONE)) {
            feeds.addStateListener(changes::add);
            feeds.attach(venue -> new Following(followed)).start();
            await("a live book", () -> feeds.views(BTC_USDT).get(0).isLive());

            await("two planned reconnects", () -> planned() >= 2);
            simulator.pause();
            OrderBook truth = simulator.truth("binance", BTC_USDT).copy();
            await("the truth", () -> VenueHarness.sameLevels(feeds.views(BTC_USDT).get(0).book(), truth));
            await("the listener's book equal to the truth", () -> {
                synchronized (followed) {
                    return VenueHarness.sameLevels(followed, truth);
                }
            });

            assertThat(changes).filteredOn(change -> change.cause() == StateCause.PLANNED_RECONNECT)
                    .allSatisfy(change -> {
                        assertThat(change.from()).isEqualTo(BookState.LIVE);
                        assertThat(change.to()).isEqualTo(BookState.LIVE);
                        assertThat(change.reason()).matches("connection \\d+ took over from connection \\d+ before"
                                + " the venue's limit of 2 s");
                    });
            assertThat(changes).extracting(BookStateChange::to).containsOnly(BookState.LIVE);
            assertThat(feeds.views(BTC_USDT).get(0).resyncs()).isZero();
        }
    }

    /**
     * Binance announces a close (serverShutdown, before maintenance) and closes the connection 10 s later: a new
     * connection takes over before then, so that the book never leaves LIVE and stays true.
     */
    @Test
    void anAnnouncedCloseIsAPlannedReconnect() throws InterruptedException {
        Venue binance = Venues.byName("binance").orElseThrow();
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(100), List.of(binance));
             FeedManager feeds = new FeedManager(List.of(binance), Map.of("binance", simulator.endpoint("binance")),
                     Map.of("binance", simulator.restEndpoint("binance")), List.of(BTC_USDT),
                     FeedSettings.defaults(), FrameTap.NONE)) {
            feeds.addStateListener(changes::add);
            feeds.start();
            await("a live book", () -> feeds.views(BTC_USDT).get(0).isLive());

            simulator.inject("binance", Fault.SHUTDOWN);
            await("a planned reconnect", () -> planned() == 1);
            await("the announced close", () -> simulator.clients() == 1);
            simulator.pause();
            OrderBook truth = simulator.truth("binance", BTC_USDT).copy();
            await("the truth", () -> VenueHarness.sameLevels(feeds.views(BTC_USDT).get(0).book(), truth));

            assertThat(changes).filteredOn(change -> change.cause() == StateCause.PLANNED_RECONNECT)
                    .singleElement().satisfies(change -> assertThat(change.reason()).matches("connection \\d+ took"
                            + " over from connection \\d+ after the venue announced its close \\(serverShutdown: the"
                            + " venue is about to close the connection\\)"));
            assertThat(changes).extracting(BookStateChange::to).containsOnly(BookState.LIVE);
            assertThat(feeds.views(BTC_USDT).get(0).resyncs()).isZero();
        }
    }

    private long planned() {
        return changes.stream().filter(change -> change.cause() == StateCause.PLANNED_RECONNECT)
                .count();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** A listener keeping its own copy of the book from what the feed hands it, as a recorder or publisher does. */
    private static final class Following implements BookListener {

        private final OrderBook book;

        Following(OrderBook book) {
            this.book = book;
        }

        @Override
        public void onSnapshot(VenueBook venueBook) {
            synchronized (book) {
                book.clear();
            }
        }

        @Override
        public void onLevel(VenueBook venueBook, Side side, long price, long size) {
            synchronized (book) {
                book.set(side, price, size);
            }
        }

        @Override
        public void onApplied(VenueBook venueBook, long receiveNanos, long venueSeq, long venueNanos) {
            // The copy is whole after every call: nothing to finish.
        }
    }
}
