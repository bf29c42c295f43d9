package dev.sweep.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A query copies only the levels a sweep can reach: the sweeps of the cut copies, each venue alone and merged, equal
 * those of the whole books, for orders in the base asset or the quote currency, inside the books or beyond them.
 */
class BookCutTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");

    private final MarketSweepPropertiesTest markets = new MarketSweepPropertiesTest();

    @Property(tries = 300)
    void sweepingTheCutCopiesEqualsSweepingTheWholeBooks(@ForAll("markets") List<ReferenceSweep.Venue> market,
                                                          @ForAll OrderSide side,
                                                          @ForAll("quantities") BigDecimal quantity) {
        assertCopiesSweepAsTheWholeBooks(market, new OrderRequest(side, quantity, false));
    }

    @Property(tries = 300)
    void sweepingTheCutCopiesForAQuoteAmountEqualsSweepingTheWholeBooks(
            @ForAll("markets") List<ReferenceSweep.Venue> market, @ForAll OrderSide side,
            @ForAll("quoteAmounts") BigDecimal amount) {
        assertCopiesSweepAsTheWholeBooks(market, new OrderRequest(side, amount, true));
    }

    @Property(tries = 300)
    void aCopyHoldsTheLevelsThatCoverTheOrderAndTheOtherSidesBestOnly(
            @ForAll("markets") List<ReferenceSweep.Venue> market, @ForAll OrderSide side,
            @ForAll("quantities") BigDecimal quantity) {
        OrderRequest request = new OrderRequest(side, quantity, false);
        long size = FixedPoint.fromBigDecimal(quantity, BTC_USD.sizeScale());
        for (SweepSource source : MarketSweepPropertiesTest.sources(market)) {
            OrderBook copy = cutCopy(source.book(), request, source.takerFee());
            BookSide whole = source.book().side(side.bookSide());
            BookSide swept = copy.side(side.bookSide());
            BookSide other = copy.side(side.bookSide() == Side.BID ? Side.ASK : Side.BID);

            assertThat(swept.depth()).isEqualTo(levelsCovering(whole, size));
            assertThat(other.depth()).isEqualTo(Math.min(1, source.book().side(other.side()).depth()));
            assertThat(other.bestPrice()).isEqualTo(source.book().side(other.side()).bestPrice());
        }
    }

    @Test
    void copyingAgainIntoTheSameBookAllocatesNothing() {
        OrderBook book = new OrderBook("a", BTC_USD, 2);
        for (int i = 1; i <= 5_000; i++) {
            book.set(Side.BID, 1_000_000L * i, 10_000_000_000L);
            book.set(Side.ASK, 10_000_000_000L + 1_000_000L * i, 10_000_000_000L);
        }
        BookCut deep = BookCut.forOrder(new OrderRequest(OrderSide.SELL, BigDecimal.valueOf(4_000), false), BTC_USD,
                TakerFee.NONE);
        BookCut quote = BookCut.forOrder(new OrderRequest(OrderSide.SELL, BigDecimal.valueOf(1_000_000), true),
                BTC_USD, TakerFee.parse("0.4%"));
        OrderBook copy = new OrderBook("a", BTC_USD, 0);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int warmUp = 0; warmUp < 2; warmUp++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 1_000; i++) {
                copy.copyFrom(book, i % 2 == 0 ? deep : quote);
            }
            if (warmUp == 1) {
                assertThat(threads.getCurrentThreadAllocatedBytes() - before).isZero();
            }
        }
        copy.copyFrom(book, deep);
        assertThat(copy.bids().depth()).isEqualTo(4_000);
        assertThat(copy.asks().depth()).isEqualTo(1);
    }

    private static void assertCopiesSweepAsTheWholeBooks(List<ReferenceSweep.Venue> market, OrderRequest request) {
        List<SweepSource> whole = MarketSweepPropertiesTest.sources(market);
        long highestFee = whole.stream().mapToLong(SweepSource::takerFee).max().orElseThrow();
        List<SweepSource> cut = new ArrayList<>();
        for (SweepSource source : whole) {
            cut.add(new SweepSource(cutCopy(source.book(), request, highestFee), source.takerFee()));
        }

        assertThat(new MarketSweep().analyze(request, cut)).isEqualTo(new MarketSweep().analyze(request, whole));
    }

    private static OrderBook cutCopy(OrderBook book, OrderRequest request, long highestFee) {
        OrderBook copy = new OrderBook(book.venue(), BTC_USD, 0);
        copy.copyFrom(book, BookCut.forOrder(request, BTC_USD, highestFee));
        return copy;
    }

    /** The fewest best levels whose sizes add up to {@code size}, or every level when they never do. */
    private static int levelsCovering(BookSide side, long size) {
        long covered = 0;
        for (int i = 0; i < side.depth(); i++) {
            covered += side.size(i);
            if (covered >= size) {
                return i + 1;
            }
        }
        return side.depth();
    }

    @Provide
    Arbitrary<List<ReferenceSweep.Venue>> markets() {
        return markets.markets();
    }

    @Provide
    Arbitrary<BigDecimal> quantities() {
        return markets.quantities();
    }

    @Provide
    Arbitrary<BigDecimal> quoteAmounts() {
        return markets.quoteAmounts();
    }
}
