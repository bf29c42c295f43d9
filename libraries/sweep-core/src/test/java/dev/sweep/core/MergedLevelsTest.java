package dev.sweep.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of the consolidated book: price after fee, then the lower fee, then the venue's name. */
class MergedLevelsTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");

    /** A level as walked: venue, price and size as written in the books. */
    private record Walked(String venue, String price, String size) {
    }

    @Test
    void aSellTakesTheHighestBidAfterFeeAndOnATieTheLowerFeeThenTheVenueFirstInName() {
        // 100 less 0.1 % is 99.9, as much as 99.9 with no fee: the venue without a fee goes first.
        List<SweepSource> sources = List.of(
                source("feed", TakerFee.parse("0.1%"), Side.BID, "100@1", "99@2"),
                source("cheap", TakerFee.NONE, Side.BID, "99.9@3", "98@4"),
                source("beta", TakerFee.NONE, Side.BID, "99.9@5", "99@6"),
                source("alpha", TakerFee.NONE, Side.BID, "98@7"));

        assertThat(walk(sources, OrderSide.SELL)).containsExactly(
                new Walked("beta", "99.9", "5"), new Walked("cheap", "99.9", "3"), new Walked("feed", "100", "1"),
                new Walked("beta", "99", "6"), new Walked("feed", "99", "2"), new Walked("alpha", "98", "7"),
                new Walked("cheap", "98", "4"));
    }

    @Test
    void aBuyTakesTheLowestAskAfterFeeWithTheSameTieBreaks() {
        // 100 plus 0.25 % is 100.25, as much as 100.25 with no fee.
        List<SweepSource> sources = List.of(
                source("feed", TakerFee.parse("0.25%"), Side.ASK, "100@1", "101@2"),
                source("nofee", TakerFee.NONE, Side.ASK, "100.25@3", "100.5@4"),
                source("other", TakerFee.NONE, Side.ASK, "99@5", "100.25@6"));

        assertThat(walk(sources, OrderSide.BUY)).containsExactly(
                new Walked("other", "99", "5"), new Walked("nofee", "100.25", "3"), new Walked("other", "100.25", "6"),
                new Walked("feed", "100", "1"), new Walked("nofee", "100.5", "4"), new Walked("feed", "101", "2"));
    }

    @Test
    void theEngineFillingRunByRunTakesTheLevelsOfTheStepWalkInItsOrder() {
        List<SweepSource> sources = List.of(
                source("feed", TakerFee.parse("0.1%"), Side.BID, "100@1", "99@2", "97@1"),
                source("cheap", TakerFee.NONE, Side.BID, "101@1", "99.9@3", "98@4"),
                source("beta", TakerFee.NONE, Side.BID, "99.9@5", "99@6", "98.5@1", "98.4@1"),
                source("alpha", TakerFee.NONE, Side.BID, "98@7"));
        SweepResult result = new SweepResult();

        new SweepEngine().sweep(sources, OrderSide.SELL, FixedPoint.parseOrThrow("29.5", BTC_USD.sizeScale()), result);

        List<Walked> filled = new ArrayList<>();
        for (int i = 0; i < result.fillCount(); i++) {
            filled.add(new Walked(sources.get(result.fillSource(i)).venue(),
                    plain(result.fillPrice(i), BTC_USD.priceScale()), plain(result.fillSize(i), BTC_USD.sizeScale())));
        }
        // cheap's run ends at its 99.9, which ties with beta's and goes after it.
        assertThat(filled).containsExactly(new Walked("cheap", "101", "1"),
                new Walked("beta", "99.9", "5"), new Walked("cheap", "99.9", "3"), new Walked("feed", "100", "1"),
                new Walked("beta", "99", "6"), new Walked("feed", "99", "2"), new Walked("beta", "98.5", "1"),
                new Walked("beta", "98.4", "1"), new Walked("alpha", "98", "7"), new Walked("cheap", "98", "2.5"));
        assertThat(result.filled(2)).isEqualTo(FixedPoint.parseOrThrow("13", BTC_USD.sizeScale()));
        assertThat(result.notional(2)).isEqualTo(new BigInteger("1290400000000000000000"));
    }

    @Test
    void aWalkOverOtherSourcesBreaksTheirTiesByTheirOwnNamesAndFees() {
        MergedLevels levels = new MergedLevels();
        List<SweepSource> first = List.of(source("a", TakerFee.NONE, Side.BID, "100@1"),
                source("b", TakerFee.NONE, Side.BID, "100@2"));
        List<SweepSource> second = List.of(source("z", TakerFee.NONE, Side.BID, "100@3"),
                source("y", TakerFee.NONE, Side.BID, "100@4"));

        assertThat(walk(levels, first, OrderSide.SELL)).extracting(Walked::venue).containsExactly("a", "b");
        assertThat(walk(levels, second, OrderSide.SELL)).extracting(Walked::venue).containsExactly("y", "z");
        assertThat(walk(levels, first, OrderSide.SELL)).extracting(Walked::venue).containsExactly("a", "b");
    }

    @Test
    void aWalkOverEmptyBooksEndsAtOnceAndStaysEnded() {
        MergedLevels levels = new MergedLevels();
        levels.reset(List.of(source("a", TakerFee.NONE, Side.ASK, "1@1"), source("b", TakerFee.NONE, Side.ASK)),
                OrderSide.SELL);

        assertThat(levels.next()).isFalse();
        assertThat(levels.next()).isFalse();
    }

    private static List<Walked> walk(List<SweepSource> sources, OrderSide side) {
        return walk(new MergedLevels(), sources, side);
    }

    private static List<Walked> walk(MergedLevels levels, List<SweepSource> sources, OrderSide side) {
        levels.reset(sources, side);
        List<Walked> walked = new ArrayList<>();
        while (levels.next()) {
            walked.add(new Walked(sources.get(levels.source()).venue(), plain(levels.price(), BTC_USD.priceScale()),
                    plain(levels.size(), BTC_USD.sizeScale())));
        }
        return walked;
    }

    private static String plain(long value, int scale) {
        return FixedPoint.toBigDecimal(value, scale).stripTrailingZeros().toPlainString();
    }

    /** A book with levels on one side, each {@code price@size}. */
    private static SweepSource source(String venue, long takerFee, Side side, String... levels) {
        OrderBook book = new OrderBook(venue, BTC_USD, 2);
        for (String level : levels) {
            String[] parts = level.split("@");
            book.set(side, FixedPoint.parseOrThrow(parts[0], BTC_USD.priceScale()),
                    FixedPoint.parseOrThrow(parts[1], BTC_USD.sizeScale()));
        }
        return new SweepSource(book, takerFee);
    }
}
