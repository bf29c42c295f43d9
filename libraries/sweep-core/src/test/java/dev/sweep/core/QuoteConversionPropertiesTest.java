package dev.sweep.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A USDT book converted to USD, checked level by level and sweep by sweep against a BigDecimal computation. */
class QuoteConversionPropertiesTest {

    private static final Instrument BTC_USDT = Instrument.of("BTC-USDT");
    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final int SCALE = BTC_USD.priceScale();

    @Property(tries = 500)
    void aConvertedPriceIsTheExactProductRoundedAgainstTheTaker(@ForAll("prices") long price,
                                                                @ForAll("rates") long rate) {
        BigDecimal exact = decimal(price).multiply(decimal(rate));

        assertThat(decimal(QuoteConversion.price(price, rate, SCALE, Side.BID)))
                .isEqualByComparingTo(exact.setScale(SCALE, RoundingMode.FLOOR));
        assertThat(decimal(QuoteConversion.price(price, rate, SCALE, Side.ASK)))
                .isEqualByComparingTo(exact.setScale(SCALE, RoundingMode.CEILING));
    }

    @Property(tries = 300)
    void aConvertedSweepEqualsTheReferenceAndReportsTheNativeVwap(@ForAll("books") OrderBook usdt,
                                                                  @ForAll("rates") long rate,
                                                                  @ForAll OrderSide side,
                                                                  @ForAll @IntRange(min = 1, max = 400) int tenths) {
        ConversionRate conversion = new ConversionRate("USDT", "USD", rate, "kraken", 5_000_000);
        BigDecimal quantity = BigDecimal.valueOf(tenths, 1);

        SweepAnalysis analysis = new MarketSweep().analyze(new OrderRequest(side, quantity, false),
                List.of(SweepSource.converted(usdt, BTC_USD, conversion, 0)));

        Side taken = side == OrderSide.SELL ? Side.BID : Side.ASK;
        TreeMap<BigDecimal, BigDecimal> converted = referenceLevels(usdt.side(taken), rate, taken);
        BigDecimal remaining = quantity;
        BigDecimal notional = BigDecimal.ZERO;
        for (Map.Entry<BigDecimal, BigDecimal> level : converted.entrySet()) {
            BigDecimal take = remaining.min(level.getValue());
            notional = notional.add(level.getKey().multiply(take));
            remaining = remaining.subtract(take);
        }
        BigDecimal filled = quantity.subtract(remaining);
        SweepReport report = analysis.venues().get(0);
        assertThat(report.filled()).isEqualByComparingTo(filled);
        assertThat(report.notional()).isEqualByComparingTo(notional);
        assertThat(analysis.merged().notional()).isEqualByComparingTo(notional);

        VenueConversion venue = analysis.conversion("kraken").orElseThrow();
        assertThat(venue.rate()).isEqualTo(conversion);
        BigDecimal nativeNotional = nativeNotional(usdt.side(taken), filled);
        assertThat(venue.nativeNotional()).isEqualByComparingTo(nativeNotional);
        if (filled.signum() > 0) {
            assertThat(venue.nativeVwap()).isEqualTo(nativeNotional.divide(filled, report.vwap().scale(),
                    RoundingMode.HALF_EVEN));
        } else {
            assertThat(venue.nativeVwap()).isNull();
        }
    }

    @Test
    void levelsThatRoundToOnePriceBecomeOneLevelHoldingBothSizes() {
        OrderBook usdt = new OrderBook("kraken", BTC_USDT, 8);
        usdt.set(Side.BID, 100_00000001L, 1_0000000000L);
        usdt.set(Side.BID, 100_00000000L, 2_0000000000L);

        OrderBook usd = QuoteConversion.convert(usdt, BTC_USD, new ConversionRate("USDT", "USD", 50000000L,
                ConversionRate.STATED, -1));

        assertThat(usd.bids().depth()).isEqualTo(1);
        assertThat(usd.bids().price(0)).isEqualTo(50_00000000L);
        assertThat(usd.bids().size(0)).isEqualTo(3_0000000000L);
    }

    /** Depth converts the bids at a sell's rate (the rate book's bid) and the asks at a buy's (its ask). */
    @Test
    void eachSideConvertsAtItsOwnRateRoundedAgainstTheTaker() {
        OrderBook usdt = new OrderBook("okx", BTC_USDT, 8);
        usdt.set(Side.BID, 67_000_12345678L, 1_0000000000L);
        usdt.set(Side.ASK, 67_001_00000001L, 2_0000000000L);

        OrderBook usd = QuoteConversion.convert(usdt, BTC_USD,
                new ConversionRate("USDT", "USD", 99_978_000L, "kraken", 0),
                new ConversionRate("USDT", "USD", 99_981_000L, "coinbase", 0));

        // 67,000.12345678 × 0.99978 = 66,985.383429619... down; 67,001.00000001 × 0.99981 = 66,988.269810009... up
        assertThat(usd.bids().price(0)).isEqualTo(66_985_38342961L);
        assertThat(usd.asks().price(0)).isEqualTo(66_988_26981001L);
        assertThat(usd.bids().size(0)).isEqualTo(1_0000000000L);
        assertThat(usd.asks().size(0)).isEqualTo(2_0000000000L);
    }

    private static TreeMap<BigDecimal, BigDecimal> referenceLevels(BookSide levels, long rate, Side side) {
        TreeMap<BigDecimal, BigDecimal> converted = new TreeMap<>(side == Side.BID
                ? Comparator.<BigDecimal>reverseOrder() : Comparator.<BigDecimal>naturalOrder());
        for (int i = 0; i < levels.depth(); i++) {
            BigDecimal price = decimal(levels.price(i)).multiply(decimal(rate))
                    .setScale(SCALE, side == Side.BID ? RoundingMode.FLOOR : RoundingMode.CEILING);
            converted.merge(price, size(levels.size(i)), BigDecimal::add);
        }
        return converted;
    }

    private static BigDecimal nativeNotional(BookSide levels, BigDecimal filled) {
        BigDecimal remaining = filled;
        BigDecimal notional = BigDecimal.ZERO;
        for (int i = 0; i < levels.depth() && remaining.signum() > 0; i++) {
            BigDecimal take = remaining.min(size(levels.size(i)));
            notional = notional.add(decimal(levels.price(i)).multiply(take));
            remaining = remaining.subtract(take);
        }
        return notional;
    }

    private static BigDecimal decimal(long price) {
        return FixedPoint.toBigDecimal(price, SCALE);
    }

    private static BigDecimal size(long size) {
        return FixedPoint.toBigDecimal(size, BTC_USD.sizeScale());
    }

    @Provide
    Arbitrary<Long> prices() {
        return Arbitraries.longs().between(1, 200_000_00000000L);
    }

    /** Rates around par, with every decimal the scale holds, and now and then far from it. */
    @Provide
    Arbitrary<Long> rates() {
        return Arbitraries.oneOf(Arbitraries.longs().between(98_000000L, 102_000000L),
                Arbitraries.longs().between(1, 50_00000000L));
    }

    @Provide
    Arbitrary<OrderBook> books() {
        Arbitrary<List<Long>> offsets = Arbitraries.longs().between(1, 5_000_000L).list().ofMinSize(0).ofMaxSize(30);
        Arbitrary<List<Long>> sizes = Arbitraries.longs().between(1, 5_0000000000L).list().ofSize(30);
        return offsets.flatMap(bidOffsets -> offsets.flatMap(askOffsets -> sizes.map(levelSizes -> {
            OrderBook book = new OrderBook("kraken", BTC_USDT, 8);
            long mid = 67_000_00000000L;
            fill(book, Side.BID, mid, bidOffsets, levelSizes, -1);
            fill(book, Side.ASK, mid, askOffsets, levelSizes, 1);
            return book;
        })));
    }

    private static void fill(OrderBook book, Side side, long mid, List<Long> offsets, List<Long> sizes, int direction) {
        List<Long> prices = new ArrayList<>();
        long price = mid;
        for (long offset : offsets) {
            price += direction * offset;
            prices.add(price);
        }
        for (int i = 0; i < prices.size(); i++) {
            book.set(side, prices.get(i), sizes.get(i));
        }
    }
}
