package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.ConversionRate;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.OrderSide;
import dev.sweep.core.Side;
import dev.sweep.core.SweepAnalysis;
import dev.sweep.core.SweepReport;
import dev.sweep.feed.BookView;
import dev.sweep.feed.FeedManager;
import dev.sweep.feed.FeedSettings;
import dev.sweep.feed.FrameTap;
import dev.sweep.feed.WaitProgress;
import dev.sweep.report.Conversions;
import dev.sweep.report.Rates;
import dev.sweep.report.Reports;
import dev.sweep.report.TakerFees;
import dev.sweep.sim.Fault;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Conversion over live books from the simulator, which serves Kraken's and Coinbase's USDT-USD and BTC-USDT books: a
 * USDT book swept as USD at the best live USDT-USD rate equals the simulator's truth converted by BigDecimal, and a rate
 * book gone stale leaves the converted venue out with the reason.
 */
@Timeout(60)
class LiveConversionTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final Instrument BTC_USDT = Instrument.of("BTC-USDT");
    private static final Instrument USDT_USD = Instrument.of("USDT-USD");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final WaitProgress NO_PROGRESS = change -> { };

    private final Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(200));
    private FeedManager feeds;

    @AfterEach
    void stop() {
        if (feeds != null) {
            feeds.close();
        }
        simulator.close();
    }

    @Test
    void aConvertedLiveSweepEqualsTheTruthConvertedAtTheBestRateBid() throws InterruptedException {
        simulator.advance(2_000);
        simulator.pause();
        start(Map.of("kraken", List.of(BTC_USD, USDT_USD), "coinbase", List.of(BTC_USDT, USDT_USD)));

        List<BookView> usdt = feeds.awaitLive(BTC_USDT, WAIT, NO_PROGRESS);
        List<BookView> usd = feeds.awaitLive(BTC_USD, WAIT, NO_PROGRESS);
        List<BookView> rateBooks = feeds.awaitLive(USDT_USD, WAIT, NO_PROGRESS);
        SweepAnalysis analysis = sweep(OrderSide.SELL, List.of(usd.get(0), usdt.get(0)), rateBooks);

        OrderBook krakenRate = simulator.truth("kraken", USDT_USD);
        OrderBook coinbaseRate = simulator.truth("coinbase", USDT_USD);
        OrderBook best = krakenRate.bestBid() >= coinbaseRate.bestBid() ? krakenRate : coinbaseRate;
        ConversionRate rate = analysis.conversion("coinbase").orElseThrow().rate();
        assertThat(rate.rate()).isEqualTo(best.bestBid());
        assertThat(rate.source()).isEqualTo(best.venue());
        assertThat(rate.pair()).isEqualTo("USDT-USD");
        assertThat(rate.ageNanos()).isNotNegative();

        SweepReport coinbase = analysis.venues().get(1);
        assertThat(coinbase.label()).isEqualTo("coinbase");
        BigDecimal[] expected = referenceSell(simulator.truth("coinbase", BTC_USDT), best.bestBid(),
                new BigDecimal("3"));
        assertThat(coinbase.notional()).isEqualByComparingTo(expected[0]);
        assertThat(analysis.conversion("coinbase").orElseThrow().nativeNotional()).isEqualByComparingTo(expected[1]);
        assertThat(analysis.conversions()).hasSize(1);
    }

    @Test
    void aStaleRateBookLeavesTheConvertedVenueOutWithTheReason() throws InterruptedException {
        // Coinbase's USDT book, and the rate only from Kraken's, which goes silent: a stall holds back a running
        // market's updates and heartbeats, so the market is not paused here.
        start(Map.of("coinbase", List.of(BTC_USDT), "kraken", List.of(USDT_USD)));
        feeds.awaitLive(BTC_USDT, WAIT, NO_PROGRESS);
        feeds.awaitLive(USDT_USD, WAIT, NO_PROGRESS);

        simulator.inject("kraken", Fault.STALL);
        List<BookView> rateBooks = awaitState(USDT_USD, "kraken", BookState.STALE);
        List<BookView> usdt = feeds.views(BTC_USDT);
        Rates rates = Rates.choose(Conversions.of(BTC_USD, false, List.of()), OrderSide.SELL,
                Map.of("USDT", rateBooks));
        List<BookView> views = Reports.withRates(BTC_USD, usdt, rates);

        assertThat(usdt.get(0).state()).isEqualTo(BookState.LIVE);
        assertThat(views.get(0).state()).isEqualTo(BookState.NO_RATE);
        assertThat(views.get(0).lastProblem()).startsWith("BTC-USDT book: no live USDT-USD book to convert at:"
                + " kraken STALE");
    }

    /** Kraken then Coinbase on the simulator, each following its instruments. */
    private void start(Map<String, List<Instrument>> instruments) {
        Venue kraken = Venues.byName("kraken").orElseThrow();
        Venue coinbase = Venues.byName("coinbase").orElseThrow();
        feeds = new FeedManager(List.of(kraken, coinbase), Map.of("kraken", simulator.endpoint("kraken"),
                "coinbase", simulator.endpoint("coinbase")), Map.of(), instruments, FeedSettings.defaults(),
                FrameTap.NONE).start();
    }

    private SweepAnalysis sweep(OrderSide side, List<BookView> views, List<BookView> rateBooks) {
        Rates rates = Rates.choose(Conversions.of(BTC_USD, false, List.of()), side, Map.of("USDT", rateBooks));
        List<BookView> taken = Reports.withRates(BTC_USD, views, rates);
        return Reports.analyze(new OrderRequest(side, new BigDecimal("3"), false), BTC_USD, taken,
                TakerFees.from(List.of("none")), rates);
    }

    private List<BookView> awaitState(Instrument instrument, String venue, BookState state)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<BookView> views = feeds.views(instrument);
            if (views.stream().anyMatch(view -> view.venue().equals(venue) && view.state() == state)) {
                return views;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(venue + " " + instrument + " never became " + state);
    }

    /** The converted notional and the native one of selling {@code quantity} into the bids, in BigDecimal. */
    private static BigDecimal[] referenceSell(OrderBook book, long rate, BigDecimal quantity) {
        BigDecimal rateDecimal = FixedPoint.toBigDecimal(rate, book.instrument().priceScale());
        BigDecimal remaining = quantity;
        BigDecimal converted = BigDecimal.ZERO;
        BigDecimal nativeNotional = BigDecimal.ZERO;
        for (int i = 0; i < book.side(Side.BID).depth() && remaining.signum() > 0; i++) {
            BigDecimal price = FixedPoint.toBigDecimal(book.side(Side.BID).price(i), book.instrument().priceScale());
            BigDecimal take = remaining.min(FixedPoint.toBigDecimal(book.side(Side.BID).size(i),
                    book.instrument().sizeScale()));
            converted = converted.add(price.multiply(rateDecimal).setScale(8, RoundingMode.FLOOR).multiply(take));
            nativeNotional = nativeNotional.add(price.multiply(take));
            remaining = remaining.subtract(take);
        }
        return new BigDecimal[] {converted, nativeNotional};
    }
}
