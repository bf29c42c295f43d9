package dev.sweep.core;

import java.util.List;

/**
 * Walks the levels of one side of several books as one consolidated book, best first: the order in which a taker
 * who may trade anywhere would consume them.
 *
 * <p>"Best" is by price after fee: a buyer pays {@code price × (1 + fee)}, a seller receives
 * {@code price × (1 − fee)}, compared exactly in 128 bits. Levels at an equal price after fee go first to the venue
 * with the lower taker fee, then to the venue whose name sorts first, so the walk is deterministic. With one book it
 * is simply that book's side, best first.
 *
 * <p>Reusable and allocation-free after the first {@link #reset} with a given number of books. Not thread-safe.
 */
public final class MergedLevels {

    private List<SweepSource> sources = List.of();
    private BookSide[] sides = new BookSide[0];
    private long[] multipliers = new long[0];
    private int[] cursors = new int[0];
    private int[] priority = new int[0];
    private int current = -1;
    private int currentLevel;

    /** Starts a walk over the side that {@code orderSide} consumes in every source. */
    public void reset(List<SweepSource> sources, OrderSide orderSide) {
        int count = sources.size();
        if (sides.length < count) {
            sides = new BookSide[count];
            multipliers = new long[count];
            cursors = new int[count];
            priority = new int[count];
        }
        this.sources = sources;
        for (int i = 0; i < count; i++) {
            SweepSource source = sources.get(i);
            sides[i] = source.book().side(orderSide.bookSide());
            multipliers[i] = TakerFee.takerMultiplier(orderSide, source.takerFee());
            cursors[i] = 0;
            insertByPriority(i);
        }
        current = -1;
    }

    /**
     * Moves to the next level.
     *
     * @return false when every source is exhausted
     */
    public boolean next() {
        int count = sources.size();
        int best = -1;
        for (int p = 0; p < count; p++) {
            int i = priority[p];
            if (cursors[i] < sides[i].depth() && (best < 0 || isBetter(i, best))) {
                best = i;
            }
        }
        current = best;
        if (best < 0) {
            return false;
        }
        currentLevel = cursors[best]++;
        return true;
    }

    /** Index, in the sources given to {@link #reset}, of the current level's venue. */
    public int source() {
        return current;
    }

    /** The current level's price. */
    public long price() {
        return sides[current].price(currentLevel);
    }

    /** The current level's size. */
    public long size() {
        return sides[current].size(currentLevel);
    }

    /** What a unit of the current level's notional costs (buy) or yields (sell) after fee, at {@link TakerFee#SCALE}. */
    public long takerMultiplier() {
        return multipliers[current];
    }

    private boolean isBetter(int a, int b) {
        long priceA = sides[a].price(cursors[a]);
        long priceB = sides[b].price(cursors[b]);
        int comparison = Int128.compareProducts(priceA, multipliers[a], priceB, multipliers[b]);
        return sides[a].side() == Side.BID ? comparison > 0 : comparison < 0;
    }

    /** Insertion sort of source {@code i} into the tie-break order: lower fee first, then venue name. */
    private void insertByPriority(int i) {
        int p = i;
        while (p > 0 && isPreferred(i, priority[p - 1])) {
            priority[p] = priority[p - 1];
            p--;
        }
        priority[p] = i;
    }

    private boolean isPreferred(int a, int b) {
        SweepSource sourceA = sources.get(a);
        SweepSource sourceB = sources.get(b);
        if (sourceA.takerFee() != sourceB.takerFee()) {
            return sourceA.takerFee() < sourceB.takerFee();
        }
        return sourceA.venue().compareTo(sourceB.venue()) < 0;
    }
}
