package dev.sweep.venue.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookSide;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.venue.LevelArbitraries;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DepthViewTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final long TICK = 10_000_000L;
    private static final long MID = 60_000L * 100_000_000L;

    /**
     * Following only the changed levels sends exactly what comparing the client's whole view with the truth's best
     * levels sends, in the same order, step after step: at a depth the book often exceeds (levels come up from below it
     * as others are deleted) and at one it rarely reaches.
     */
    @Property(tries = 300)
    void followingTheChangesSendsWhatComparingTheWholeViewSends(@ForAll("books") List<Level> book,
                                                                @ForAll("steps") List<List<Level>> steps,
                                                                @ForAll @IntRange(min = 1, max = 40) int depth) {
        OrderBook truth = LevelArbitraries.set(new OrderBook("test", BTC_USD, 1), book);
        DepthView view = new DepthView(truth, depth);
        OrderBook expected = LevelArbitraries.visible(truth, depth);
        for (List<Level> step : steps) {
            LevelArbitraries.set(truth, step);

            List<Level> sent = view.follow(truth, step);

            assertThat(sent).as("sent after %s", step).isEqualTo(wholeViewDifference(expected, truth, depth));
            assertThat(levels(view.book())).isEqualTo(levels(LevelArbitraries.visible(truth, depth)));
        }
    }

    @Provide
    Arbitrary<List<Level>> books() {
        return LevelArbitraries.books();
    }

    @Provide
    Arbitrary<List<List<Level>>> steps() {
        return LevelArbitraries.changes().list().ofMinSize(1).ofMaxSize(4).list().ofMaxSize(30);
    }

    /** A deletion inside the depth brings the next level up from below it: it is sent though it did not change. */
    @Test
    void aLevelThatComesUpIntoTheDepthIsSent() {
        OrderBook truth = new OrderBook("test", BTC_USD, 1);
        for (int i = 1; i <= 4; i++) {
            truth.set(Side.BID, MID - i * TICK, i * 100L);
        }
        DepthView view = new DepthView(truth, 2);
        List<Level> step = List.of(new Level(Side.BID, MID - TICK, 0));
        LevelArbitraries.set(truth, step);

        assertThat(view.follow(truth, step)).containsExactly(new Level(Side.BID, MID - TICK, 0),
                new Level(Side.BID, MID - 3 * TICK, 300));
        assertThat(levels(view.book())).containsExactly(new Level(Side.BID, MID - 2 * TICK, 200),
                new Level(Side.BID, MID - 3 * TICK, 300));
    }

    /**
     * What the venue sends, by comparing the whole view with the truth: deletions of the view's levels gone from the
     * truth, then the truth's best levels whose size the client does not have; brings {@code view} up to the truth.
     */
    private static List<Level> wholeViewDifference(OrderBook view, OrderBook truth, int depth) {
        List<Level> changes = new ArrayList<>();
        for (Side side : Side.values()) {
            BookSide old = view.side(side);
            for (int i = 0; i < old.depth(); i++) {
                if (truth.side(side).sizeAt(old.price(i)) == 0) {
                    changes.add(new Level(side, old.price(i), 0));
                }
            }
            BookSide fresh = truth.side(side);
            for (int i = 0; i < Math.min(depth, fresh.depth()); i++) {
                if (old.sizeAt(fresh.price(i)) != fresh.size(i)) {
                    changes.add(new Level(side, fresh.price(i), fresh.size(i)));
                }
            }
        }
        changes.forEach(change -> view.set(change.side(), change.price(), change.size()));
        view.truncate(depth);
        return changes;
    }

    private static List<Level> levels(OrderBook book) {
        List<Level> levels = new ArrayList<>();
        for (Side side : Side.values()) {
            for (int i = 0; i < book.side(side).depth(); i++) {
                levels.add(new Level(side, book.side(side).price(i), book.side(side).size(i)));
            }
        }
        return levels;
    }
}
