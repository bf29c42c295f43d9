package dev.sweep.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookCut;
import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.MarketSweep;
import dev.sweep.core.OrderBook;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.OrderSide;
import dev.sweep.core.SweepSource;
import dev.sweep.core.TakerFee;
import dev.sweep.sim.Fault;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueHarness;
import dev.sweep.venue.Venues;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Live feeds against the simulator on loopback: books equal the truth, and come back to it after every fault. */
@Timeout(90)
class FeedManagerTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(100));
    private final FeedManager feeds = new FeedManager(Venues.all(), endpoints(simulator), List.of(BTC_USD),
            FeedSettings.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(500))).start();

    @AfterEach
    void stop() {
        feeds.close();
        simulator.close();
    }

    @Test
    void everyVenuesBookEqualsTheTruth() throws InterruptedException {
        List<BookView> views = feeds.awaitLive(BTC_USD, WAIT, ignored -> { });
        assertThat(views).extracting(BookView::state).containsOnly(BookState.LIVE);

        simulator.pause();
        assertEventuallyEqualsTheTruth();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"DROP, gemini", "GAP, coinbase", "GAP, kraken", "CHECKSUM, kraken", "MALFORMED, coinbase",
            "STALL, kraken", "OVERSIZED, gemini"})
    void aFaultEndsWithTheTruthAgain(Fault fault, String venue) throws InterruptedException {
        feeds.awaitLive(BTC_USD, WAIT, ignored -> { });
        long resyncsBefore = view(venue).resyncs();

        simulator.inject(venue, fault);
        if (fault == Fault.STALL) {
            await(venue + " stale", v -> v.state() == BookState.STALE);
        } else {
            await(venue + " resynced", v -> v.resyncs() > resyncsBefore || v.state() != BookState.LIVE);
        }
        await(venue + " live again", BookView::isLive);
        simulator.pause();
        assertEventuallyEqualsTheTruth();
    }

    @Test
    void aQueryCopiesOnlyTheLevelsItsSweepReachesIntoTheSameBooksEveryTime() throws InterruptedException {
        feeds.awaitLive(BTC_USD, WAIT, ignored -> { });
        simulator.pause();
        assertEventuallyEqualsTheTruth();
        OrderRequest request = new OrderRequest(OrderSide.SELL, new BigDecimal("2.5"), false);
        BookCut cut = BookCut.forOrder(request, BTC_USD, TakerFee.NONE);
        BookCopies copies = new BookCopies();

        List<BookView> first = feeds.views(BTC_USD, cut, copies);
        List<BookView> views = feeds.views(BTC_USD, cut, copies);

        List<SweepSource> copied = new ArrayList<>();
        List<SweepSource> truths = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            OrderBook truth = simulator.truth(views.get(i).venue(), BTC_USD);
            OrderBook copy = views.get(i).book();
            assertThat(copy).isSameAs(first.get(i).book());
            assertThat(copy.bids().depth()).as(copy.venue()).isEqualTo(cut.levels(truth.bids()))
                    .isLessThan(truth.bids().depth());
            assertThat(copy.asks().depth()).as(copy.venue()).isEqualTo(1);
            copied.add(new SweepSource(copy, TakerFee.NONE));
            truths.add(new SweepSource(truth, TakerFee.NONE));
        }
        assertThat(new MarketSweep().analyze(request, copied)).isEqualTo(new MarketSweep().analyze(request, truths));
    }

    /** Updates a flooding venue sends before the feed must show it kept up. */
    private static final long FLOOD_UPDATES = 100_000;

    /** A venue whose books are quoted in another currency (USDT for a USD symbol) lists no such book: no connection. */
    @Test
    void onlyTheVenuesQuotingInTheInstrumentsCurrencyAreConnected() {
        List<String> quoting = Venues.listing(BTC_USD).stream().map(Venue::name).toList();

        assertThat(feeds.views(BTC_USD)).extracting(BookView::venue).containsExactlyElementsOf(quoting);
        assertThat(Venues.all().stream().map(Venue::name).filter(name -> !quoting.contains(name)).toList())
                .as("a registered venue quoting in another currency").isNotEmpty();
    }

    @Test
    void aFeedKeepsUpWithAVenueSendingAsFastAsItCan() throws InterruptedException {
        try (Simulator fast = Simulator.start(SimulatorConfig.defaults().withRate(5_000));
             FeedManager flooded = new FeedManager(Venues.all(), endpoints(fast), List.of(BTC_USD),
                     FeedSettings.defaults()).start()) {
            flooded.awaitLive(BTC_USD, WAIT, ignored -> { });
            // A flood of a given size, however long the machine takes to send it: this is not a speed test.
            long floodDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (fast.marketSteps() <= FLOOD_UPDATES) {
                assertThat(System.nanoTime()).as("the simulator sends " + FLOOD_UPDATES + " updates")
                        .isLessThan(floodDeadline);
                TimeUnit.MILLISECONDS.sleep(50);
            }
            fast.pause();
            for (Venue venue : Venues.listing(BTC_USD)) {
                OrderBook truth = fast.truth(venue.name(), BTC_USD);
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (!flooded.views(BTC_USD).stream().anyMatch(view -> view.venue().equals(venue.name())
                        && view.isLive() && VenueHarness.sameLevels(view.book(), truth))) {
                    assertThat(System.nanoTime()).as(venue.name() + " catches up").isLessThan(deadline);
                    TimeUnit.MILLISECONDS.sleep(20);
                }
            }
        }
    }

    @Test
    void aRestartedServerIsReconnectedAndItsNewBooksFollowed() throws InterruptedException {
        try (Simulator first = Simulator.start(SimulatorConfig.defaults().withRate(100));
             FeedManager restarted = new FeedManager(Venues.all(), endpoints(first), List.of(BTC_USD),
                     FeedSettings.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(500))).start()) {
            restarted.awaitLive(BTC_USD, WAIT, ignored -> { });
            int port = first.port();
            first.close();

            try (Simulator second = Simulator.start(SimulatorConfig.defaults().withPort(port).withSeed(99))) {
                // Not awaitLive: it ends early while the server is down, every venue unreachable.
                long live = System.nanoTime() + WAIT.toNanos();
                while (!restarted.views(BTC_USD).stream().allMatch(BookView::isLive)) {
                    assertThat(System.nanoTime()).as("live again: " + restarted.views(BTC_USD)).isLessThan(live);
                    TimeUnit.MILLISECONDS.sleep(20);
                }
                assertThat(restarted.views(BTC_USD)).extracting(BookView::resyncs).containsOnly(0L);
                second.pause();
                for (Venue venue : Venues.listing(BTC_USD)) {
                    OrderBook truth = second.truth(venue.name(), BTC_USD);
                    long deadline = System.nanoTime() + WAIT.toNanos();
                    while (!restarted.views(BTC_USD).stream().anyMatch(view -> view.venue().equals(venue.name())
                            && view.isLive() && VenueHarness.sameLevels(view.book(), truth))) {
                        assertThat(System.nanoTime()).as(venue.name() + " follows the new server: "
                                + restarted.views(BTC_USD) + " truth " + truth).isLessThan(deadline);
                        TimeUnit.MILLISECONDS.sleep(20);
                    }
                }
            }
        }
    }

    private void assertEventuallyEqualsTheTruth() throws InterruptedException {
        for (Venue venue : Venues.listing(BTC_USD)) {
            OrderBook truth = simulator.truth(venue.name(), BTC_USD);
            await(venue.name() + " equal to the truth", view -> !view.venue().equals(venue.name())
                    || (view.isLive() && VenueHarness.sameLevels(view.book(), truth)));
        }
    }

    private BookView view(String venue) {
        return feeds.views(BTC_USD).stream().filter(view -> view.venue().equals(venue)).findFirst().orElseThrow();
    }

    private void await(String what, Predicate<BookView> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<BookView> views = feeds.views(BTC_USD);
            if (views.stream().filter(view -> what.startsWith(view.venue())).allMatch(condition)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + ": " + views.stream()
                        .map(view -> view.venue() + " " + view.state() + " (" + view.lastProblem() + ")").toList());
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** The venues that quote in the instrument's quote currency: those a feed of it connects to. */
    static Map<String, URI> endpoints(Simulator simulator) {
        return Venues.all().stream().collect(Collectors.toMap(Venue::name, venue -> simulator.endpoint(venue.name())));
    }
}
