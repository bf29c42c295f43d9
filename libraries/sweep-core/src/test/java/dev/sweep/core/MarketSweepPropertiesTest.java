package dev.sweep.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Sweep invariants, checked against {@link ReferenceSweep} on random books. */
class MarketSweepPropertiesTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    /** Venues by name only: the core knows no venue. */
    private static final List<String> VENUES = List.of("alpha", "beta", "gamma");
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
            int decimals = PRICE_PRECISION + 2;
            assertThat(report.vwap()).isEqualTo(expected.vwap(decimals));
            assertThat(report.vwapWithFees())
                    .isEqualTo(expected.paid(report.request().side()).divide(expected.filled(), decimals, RoundingMode.HALF_EVEN));
        } else {
            assertThat(report.vwap()).isNull();
        }
        if (report.isMerged()) {
            for (SweepReport.VenueShare share : report.split()) {
                assertThat(share.filled())
                        .isEqualByComparingTo(expected.filledByVenue().getOrDefault(share.venue(), BigDecimal.ZERO));
            }
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
        return Arbitraries.integers().between(1, 3).flatMap(count ->
                Combinators.combine(venue(VENUES.get(0)), venue(VENUES.get(1)), venue(VENUES.get(2)))
                        .as((a, b, c) -> List.of(a, b, c).subList(0, count)));
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
