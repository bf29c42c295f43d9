package dev.sweep.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The engine fills run by run, each run ending at a key worked out once from the rival's head; the step walk compares
 * every level after fee in 128 bits. Both must take the same levels in the same order for any prices and fees a book
 * may hold: up to the highest long, fees up to just below 100 %, and ties after fee.
 */
class MergedRunsPropertiesTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");

    /** A fill or a level walked: which source, at what price, how much. */
    private record Taken(int source, long price, long size) {
    }

    /** A source's levels and fee, as drawn. */
    private record Drawn(long takerFee, List<Long> prices) {
    }

    @Property(tries = 1000)
    void runsTakeTheLevelsOfTheStepWalkInItsOrder(@ForAll("markets") List<Drawn> market, @ForAll OrderSide side,
                                                  @ForAll("sizes") long levelSize, @ForAll("fractions") int percent) {
        List<SweepSource> sources = new ArrayList<>();
        for (int i = 0; i < market.size(); i++) {
            OrderBook book = new OrderBook("v" + i, BTC_USD, 2);
            for (long price : market.get(i).prices()) {
                book.set(side.bookSide(), price, levelSize + i);
            }
            sources.add(new SweepSource(book, market.get(i).takerFee()));
        }
        List<Taken> walk = new ArrayList<>();
        MergedLevels levels = new MergedLevels();
        levels.reset(sources, side);
        long depth = 0;
        while (levels.next()) {
            walk.add(new Taken(levels.source(), levels.price(), levels.size()));
            depth += levels.size();
        }
        long quantity = depth * percent / 100;

        SweepResult result = new SweepResult();
        new SweepEngine().sweep(sources, side, quantity, result);

        List<Taken> filled = new ArrayList<>();
        for (int i = 0; i < result.fillCount(); i++) {
            filled.add(new Taken(result.fillSource(i), result.fillPrice(i), result.fillSize(i)));
        }
        List<Taken> expected = new ArrayList<>();
        long remaining = quantity;
        for (int i = 0; i < walk.size() && remaining > 0; i++) {
            Taken level = walk.get(i);
            long take = Math.min(remaining, level.size());
            expected.add(new Taken(level.source(), level.price(), take));
            remaining -= take;
        }
        assertThat(filled).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<Drawn>> markets() {
        Arbitrary<Long> fee = Arbitraries.of(TakerFee.NONE, 1L, TakerFee.parse("0.1%"), TakerFee.parse("0.26%"),
                TakerFee.parse("50%"), TakerFee.ONE - 1);
        // Prices from three ranges: where fees separate the venues, where they tie, and near the highest long, where
        // a key after fee no longer fits in one.
        Arbitrary<Long> price = Arbitraries.oneOf(
                Arbitraries.longs().between(1, 40),
                Arbitraries.longs().between(99_000, 101_000).map(p -> p * 1_000_000L),
                Arbitraries.longs().between(Long.MAX_VALUE - 1_000, Long.MAX_VALUE),
                Arbitraries.longs().between(Long.MAX_VALUE / 3, Long.MAX_VALUE / 2));
        Arbitrary<Drawn> source = Combinators.combine(fee, price.list().ofMaxSize(12)).as(Drawn::new);
        return source.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<Long> sizes() {
        return Arbitraries.longs().between(1, 1_000_000);
    }

    @Provide
    Arbitrary<Integer> fractions() {
        return Arbitraries.integers().between(0, 110);
    }
}
