package dev.sweep.venue;

import dev.sweep.core.BookSide;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated BTC-USD level changes and books that every venue can carry: prices on Kraken's 0.1 tick around 60,000,
 * bids below the mid and asks at or above it, so that no book is ever crossed; sizes in whole satoshis, one in six a
 * deletion.
 */
public final class LevelArbitraries {

    private static final long MID = 60_000L * 100_000_000L;
    private static final long TICK = 10_000_000L;
    private static final long SATOSHI = 100;

    private LevelArbitraries() {
    }

    /** One level change (size 0 deletes), within 80 ticks of the mid. */
    public static Arbitrary<Level> changes() {
        Arbitrary<Long> ticks = Arbitraries.longs().between(1, 80);
        Arbitrary<Long> sizes = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0L)),
                Tuple.of(5, Arbitraries.longs().between(1, 500_000_000L).map(units -> units * SATOSHI)));
        return Combinators.combine(Arbitraries.of(Side.values()), ticks, sizes).as((side, tick, size) ->
                new Level(side, side == Side.BID ? MID - tick * TICK : MID + (tick - 1) * TICK, size));
    }

    /** The levels of a book, set in order onto an empty one. */
    public static Arbitrary<List<Level>> books() {
        return changes().list().ofMaxSize(60);
    }

    /** {@link #books()}, for a property's {@code @ForAll(supplier = ...)}. */
    public static final class Books implements ArbitrarySupplier<List<Level>> {
        @Override
        public Arbitrary<List<Level>> get() {
            return books();
        }
    }

    /** {@link #changes()}, for a property's {@code @From(supplier = ...)}. */
    public static final class Changes implements ArbitrarySupplier<Level> {
        @Override
        public Arbitrary<Level> get() {
            return changes();
        }
    }

    /** Sets the levels onto the book, in order. */
    public static OrderBook set(OrderBook book, List<Level> levels) {
        levels.forEach(level -> book.set(level.side(), level.price(), level.size()));
        return book;
    }

    /** What the client of a venue that keeps {@code depth} levels a side (0: all) sees of the truth. */
    public static OrderBook visible(OrderBook truth, int depth) {
        OrderBook visible = new OrderBook(truth.venue(), truth.instrument(), truth.pricePrecision());
        for (Side side : Side.values()) {
            BookSide levels = truth.side(side);
            int count = depth == 0 ? levels.depth() : Math.min(depth, levels.depth());
            for (int i = 0; i < count; i++) {
                visible.set(side, levels.price(i), levels.size(i));
            }
        }
        return visible;
    }
}
