package dev.sweep.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Sweep invariants, checked against {@link ReferenceSweep} on random books. */
class MarketSweepPropertiesTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    /** Venues by name only: the core knows no venue. As many as Sweep follows. */
    private static final List<String> VENUES = List.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta");
    private static final int PRICE_PRECISION = 2;

    @Property(tries = 300)
    void everyReportMatchesTheReferenceModel(@ForAll("markets") List<ReferenceSweep.Venue> market,
                                             @ForAll OrderSide side,
                                             @ForAll("quantities") BigDecimal quantity) {
        SweepAnalysis analysis = new MarketSweep().analyze(new OrderRequest(side, quantity, false), sources(market));

        for (int i = 0; i < market.size(); i++) {
            assertMatches(analysis.venues().get(i), ReferenceSweep.sweepBase(List.of(market.get(i)), side, quantity));
        }
        assertMatches(analysis.merged(), ReferenceSweep.sweepBase(market, side, quantity));
    }

    /**
     * Six deep books quoted like the venues' own: ticks of 0.1 and 0.01, lots of 5 to 10 decimals, the venues' fees,
     * mids up to a few hundred dollars apart so that fees and prices interleave the venues in every way.
     */
    @Property(tries = 20)
    void sixDeepBooksOfTheirOwnTicksAndLotsMatchTheReferenceModel(@ForAll long seed, @ForAll OrderSide side,
                                                                 @ForAll("deepQuantities") BigDecimal quantity) {
        List<ReferenceSweep.Venue> market = deepMarket(new SplittableRandom(seed));
        SweepAnalysis analysis = new MarketSweep().analyze(new OrderRequest(side, quantity, false), sources(market));

        for (int i = 0; i < market.size(); i++) {
            assertMatches(analysis.venues().get(i), ReferenceSweep.sweepBase(List.of(market.get(i)), side, quantity));
        }
        assertMatches(analysis.merged(), ReferenceSweep.sweepBase(market, side, quantity));
    }

    @Property(tries = 300)
    void filledIsTheSmallerOfRequestAndDepthAndVwapLiesBetweenBestAndWorst(
            @ForAll("markets") List<ReferenceSweep.Venue> market, @ForAll OrderSide side,
            @ForAll("quantities") BigDecimal quantity) {
        SweepAnalysis analysis = new MarketSweep().analyze(new OrderRequest(side, quantity, false), sources(market));
        List<SweepReport> reports = new ArrayList<>(analysis.venues());
        reports.add(analysis.merged());

        for (int i = 0; i < reports.size(); i++) {
            SweepReport report = reports.get(i);
            List<ReferenceSweep.Venue> swept = report.isMerged() ? market : List.of(market.get(i));
            BigDecimal depth = ReferenceSweep.consolidated(swept, side).stream()
                    .map(ReferenceSweep.Level::size).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(report.filled()).isEqualByComparingTo(quantity.min(depth));
            assertThat(report.complete()).isEqualTo(depth.compareTo(quantity) >= 0);
            if (report.filled().signum() > 0) {
                BigDecimal low = report.best().min(report.worst());
                BigDecimal high = report.best().max(report.worst());
                assertThat(report.vwap()).isBetween(low, high);
                assertThat(report.slippageVsBest().signum()).isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Property(tries = 300)
    void mergedIsNeverWorseAfterFeesThanAnySingleVenueThatCompletes(
            @ForAll("markets") List<ReferenceSweep.Venue> market, @ForAll OrderSide side,
            @ForAll("quantities") BigDecimal quantity) {
        SweepAnalysis analysis = new MarketSweep().analyze(new OrderRequest(side, quantity, false), sources(market));
        BigDecimal merged = paid(analysis.merged());
        for (SweepReport venue : analysis.venues()) {
            if (venue.complete()) {
                assertThat(analysis.merged().complete()).isTrue();
                if (side == OrderSide.BUY) {
                    assertThat(merged).isLessThanOrEqualTo(paid(venue));
                } else {
                    assertThat(merged).isGreaterThanOrEqualTo(paid(venue));
                }
            }
        }
    }

    @Property(tries = 300)
    void quoteSizedSweepsMatchTheReferenceModel(@ForAll("markets") List<ReferenceSweep.Venue> market,
                                                @ForAll OrderSide side,
                                                @ForAll("quoteAmounts") BigDecimal amount) {
        SweepAnalysis analysis = new MarketSweep().analyze(new OrderRequest(side, amount, true), sources(market));

        for (int i = 0; i < market.size(); i++) {
            ReferenceSweep.Outcome expected =
                    ReferenceSweep.sweepQuote(List.of(market.get(i)), side, amount, BTC_USD.sizeScale());
            assertMatches(analysis.venues().get(i), expected);
            assertThat(expected.paid(side)).isLessThanOrEqualTo(amount);
            assertThat(analysis.venues().get(i).quoteShortfall()).isEqualByComparingTo(amount.subtract(expected.paid(side)));
        }
        ReferenceSweep.Outcome merged = ReferenceSweep.sweepQuote(market, side, amount, BTC_USD.sizeScale());
        assertMatches(analysis.merged(), merged);
        assertThat(analysis.merged().quoteShortfall()).isEqualByComparingTo(amount.subtract(merged.paid(side)));
    }

    @Property(tries = 300)
    void aQuoteAmountIsBelowTheSmallestSizeWhenItFillsNothingFromABookWithLevels(
            @ForAll("markets") List<ReferenceSweep.Venue> market, @ForAll OrderSide side,
            @ForAll("tinyQuoteAmounts") BigDecimal amount) {
        SweepAnalysis analysis = new MarketSweep().analyze(new OrderRequest(side, amount, true), sources(market));
        List<SweepReport> reports = new ArrayList<>(analysis.venues());
        reports.add(analysis.merged());

        for (int i = 0; i < reports.size(); i++) {
            SweepReport report = reports.get(i);
            List<ReferenceSweep.Venue> swept = report.isMerged() ? market : List.of(market.get(i));
            boolean hasLevels = !ReferenceSweep.consolidated(swept, side).isEmpty();
            boolean fillsNothing = ReferenceSweep.sweepQuote(swept, side, amount, BTC_USD.sizeScale()).filled().signum() == 0;
            assertThat(report.amountBelowSmallestSize()).isEqualTo(hasLevels && fillsNothing);
            if (report.amountBelowSmallestSize()) {
                assertThat(report.quoteShortfall()).isEqualByComparingTo(amount);
            }
        }
    }

    @Property(tries = 100)
    void aBaseRequestHasNoQuoteShortfall(@ForAll("markets") List<ReferenceSweep.Venue> market, @ForAll OrderSide side,
                                         @ForAll("quantities") BigDecimal quantity) {
        SweepAnalysis analysis = new MarketSweep().analyze(new OrderRequest(side, quantity, false), sources(market));

        assertThat(analysis.merged().quoteShortfall()).isNull();
        assertThat(analysis.merged().amountBelowSmallestSize()).isFalse();
    }

    private static void assertMatches(SweepReport report, ReferenceSweep.Outcome expected) {
        assertThat(report.filled()).isEqualByComparingTo(expected.filled());
        assertThat(report.notional()).isEqualByComparingTo(expected.notional());
        assertThat(report.fees()).isEqualByComparingTo(expected.fees());
        assertThat(report.notionalWithFees()).isEqualByComparingTo(expected.paid(report.request().side()));
        assertThat(report.complete()).isEqualTo(expected.complete());
        assertThat(report.levels()).isEqualTo(expected.fills().size());
        assertThat(report.fills()).hasSameSizeAs(expected.fills());
        for (int i = 0; i < expected.fills().size(); i++) {
            SweepReport.Fill fill = report.fills().get(i);
            ReferenceSweep.Level level = expected.fills().get(i);
            assertThat(fill.price()).isEqualByComparingTo(level.price());
            assertThat(fill.size()).isEqualByComparingTo(level.size());
            assertThat(fill.venue()).isEqualTo(level.venue());
        }
        if (expected.filled().signum() > 0) {
            List<BigDecimal> prices = expected.fills().stream().map(ReferenceSweep.Level::price).toList();
            BigDecimal highest = prices.stream().max(BigDecimal::compareTo).orElseThrow();
            BigDecimal lowest = prices.stream().min(BigDecimal::compareTo).orElseThrow();
            boolean selling = report.request().side() == OrderSide.SELL;
            assertThat(report.best()).isEqualByComparingTo(selling ? highest : lowest);
            assertThat(report.worst()).isEqualByComparingTo(selling ? lowest : highest);
            int decimals = PRICE_PRECISION + 2;
            assertThat(report.vwap()).isEqualTo(expected.vwap(decimals));
            assertThat(report.vwapWithFees())
                    .isEqualTo(expected.paid(report.request().side()).divide(expected.filled(), decimals, RoundingMode.HALF_EVEN));
        } else {
            assertThat(report.vwap()).isNull();
        }
        for (SweepReport.VenueShare share : report.split()) {
            BigDecimal venueFilled = expected.filledByVenue().getOrDefault(share.venue(), BigDecimal.ZERO);
            assertThat(share.filled()).isEqualByComparingTo(venueFilled);
            assertThat(share.notional()).isEqualByComparingTo(expected.notional(share.venue()));
            assertThat(share.fees()).isEqualByComparingTo(expected.fees(share.venue()));
            assertThat(share.share()).isEqualTo(expected.filled().signum() == 0 ? new BigDecimal("0.000000")
                    : venueFilled.divide(expected.filled(), 6, RoundingMode.HALF_EVEN));
        }
    }

    private static BigDecimal paid(SweepReport report) {
        return report.request().side() == OrderSide.BUY
                ? report.notional().add(report.fees()) : report.notional().subtract(report.fees());
    }

    static List<SweepSource> sources(List<ReferenceSweep.Venue> market) {
        List<SweepSource> sources = new ArrayList<>();
        for (ReferenceSweep.Venue venue : market) {
            OrderBook book = new OrderBook(venue.name(), BTC_USD, PRICE_PRECISION);
            venue.bids().forEach((price, size) -> book.set(Side.BID, scaled(price, BTC_USD.priceScale()),
                    scaled(size, BTC_USD.sizeScale())));
            venue.asks().forEach((price, size) -> book.set(Side.ASK, scaled(price, BTC_USD.priceScale()),
                    scaled(size, BTC_USD.sizeScale())));
            sources.add(new SweepSource(book, FixedPoint.fromBigDecimal(venue.fee(), TakerFee.SCALE)));
        }
        return sources;
    }

    private static long scaled(BigDecimal value, int scale) {
        return FixedPoint.fromBigDecimal(value, scale);
    }

    @Provide
    Arbitrary<List<ReferenceSweep.Venue>> markets() {
        return Arbitraries.integers().between(1, VENUES.size()).flatMap(count ->
                Combinators.combine(VENUES.subList(0, count).stream().map(this::venue).toList()).as(List::copyOf));
    }

    /** One deep book per venue, 1,000 levels a side, quoted with the tick, lot and fee of a real venue. */
    private static List<ReferenceSweep.Venue> deepMarket(SplittableRandom random) {
        int[] tickDecimals = {1, 2, 2, 2, 1, 1};
        int[] sizeDecimals = {8, 8, 10, 5, 6, 8};
        String[] fees = {"0.004", "0.012", "0.004", "0.001", "0.001", "0.001"};
        List<ReferenceSweep.Venue> market = new ArrayList<>();
        for (int v = 0; v < VENUES.size(); v++) {
            BigDecimal tick = BigDecimal.ONE.movePointLeft(tickDecimals[v]);
            BigDecimal mid = BigDecimal.valueOf(66_500 + random.nextInt(1_000));
            TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>();
            TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
            BigDecimal bid = mid.subtract(tick);
            BigDecimal ask = mid.add(tick);
            for (int i = 0; i < 1000; i++) {
                bids.put(bid, deepSize(random, sizeDecimals[v]));
                asks.put(ask, deepSize(random, sizeDecimals[v]));
                bid = bid.subtract(tick.multiply(BigDecimal.valueOf(1 + random.nextInt(3))));
                ask = ask.add(tick.multiply(BigDecimal.valueOf(1 + random.nextInt(3))));
            }
            market.add(new ReferenceSweep.Venue(VENUES.get(v), new BigDecimal(fees[(v + random.nextInt(6)) % 6]), bids,
                    asks));
        }
        return market;
    }

    /** A whole number of lots up to 0.6 BTC, one level in twenty ten times larger. */
    private static BigDecimal deepSize(SplittableRandom random, int decimals) {
        long lots = 1 + random.nextLong(6 * BigInteger.TEN.pow(decimals - 1).longValueExact());
        return BigDecimal.valueOf(random.nextInt(20) == 0 ? lots * 10 : lots, decimals);
    }

    /** Mostly the sizes traders sweep, sometimes more than six deep books hold. */
    @Provide
    Arbitrary<BigDecimal> deepQuantities() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().between(1, 1_000_000_000_000L)),
                Tuple.of(1, Arbitraries.longs().between(1, 20_000_000_000_000L)))
                .map(units -> BigDecimal.valueOf(units, 10));
    }

    private Arbitrary<ReferenceSweep.Venue> venue(String name) {
        Arbitrary<BigDecimal> fee = Arbitraries.of("0", "0.001", "0.0026", "0.004", "0.006").map(BigDecimal::new);
        // Prices on a coarse grid so that venues often share a price and the tie-break rules are exercised.
        Arbitrary<BigDecimal> bidPrice = Arbitraries.integers().between(9_000, 9_999)
                .map(cents -> BigDecimal.valueOf(cents - cents % 7, PRICE_PRECISION));
        Arbitrary<BigDecimal> askPrice = Arbitraries.integers().between(10_000, 10_999)
                .map(cents -> BigDecimal.valueOf(cents - cents % 7, PRICE_PRECISION));
        Arbitrary<BigDecimal> size = Arbitraries.longs().between(1, 500_000_000_000L)
                .map(units -> BigDecimal.valueOf(units, BTC_USD.sizeScale()));
        return Combinators.combine(fee,
                        Arbitraries.maps(bidPrice, size).ofMaxSize(40),
                        Arbitraries.maps(askPrice, size).ofMaxSize(40))
                .as((f, bids, asks) -> new ReferenceSweep.Venue(name, f, new TreeMap<>(bids), new TreeMap<>(asks)));
    }

    @Provide
    Arbitrary<BigDecimal> quantities() {
        return Arbitraries.longs().between(1, 2_000_000_000_000L).map(units -> BigDecimal.valueOf(units, 10));
    }

    /** Amounts around the cost of one size unit (10^-10 BTC at about 100 USD: 10^-8 USD). */
    @Provide
    Arbitrary<BigDecimal> tinyQuoteAmounts() {
        return Arbitraries.longs().between(1, 2_000).map(units -> BigDecimal.valueOf(units, 10));
    }

    @Provide
    Arbitrary<BigDecimal> quoteAmounts() {
        return Arbitraries.longs().between(1, 30_000_000L).map(cents -> BigDecimal.valueOf(cents, 2));
    }
}
