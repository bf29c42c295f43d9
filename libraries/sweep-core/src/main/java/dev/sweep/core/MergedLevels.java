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
 * <p>A k-way merge over the sources' next levels (their heads), kept in order, best first: taking a level moves only
 * its source's new head down that order, past the heads it no longer beats, so a venue that keeps the lead costs one
 * comparison a level, and a book alone none. A walk either steps level by level ({@link #next}) or fills an order
 * run by run ({@link #fillFromFirst}), not both. A run compares the leader's keys with the lowest one still ahead of
 * the second's head, worked out once a run, rather than each level after fee: on six venues' books a run is three
 * levels on average.
 *
 * <p>Reusable and allocation-free after the first {@link #reset} with a given number of books. Not thread-safe.
 */
public final class MergedLevels {

    /** Per source, its side's keys and sizes in place ({@link BookSide#keys()}): worst first, so heads count down. */
    private long[][] keys = new long[0][];
    private long[][] sizes = new long[0][];
    private long[] multipliers = new long[0];
    /** Per source, {@code 1 / multiplier}: to estimate where a rival's head falls among the source's keys. */
    private double[] reciprocals = new double[0];
    /** Per source, the index of its head in its arrays; −1 once every level is taken. */
    private int[] heads = new int[0];
    /**
     * Per source, its head's key after fee, {@code key × multiplier} as a signed 128-bit number (its high half, and
     * its low half unsigned): a side's keys grow towards its best level, so the greater product is the better level
     * after fee on either side.
     */
    private long[] afterFeeHigh = new long[0];
    private long[] afterFeeLow = new long[0];
    private List<SweepSource> sources = List.of();
    /**
     * Per source, its place in the tie-break order: lower fee first, then venue name. Ranked only when two levels tie
     * after fee, and kept for the next walk over the very same sources (they are immutable): comparing names costs as
     * much as a run of levels.
     */
    private int[] ranks = new int[0];
    private boolean ranked;
    private int[] byPreference = new int[0];
    private SweepSource[] rankedSources = new SweepSource[0];
    private int rankedCount;
    /** The sources with a level left, best head first; the first {@code active} entries count. */
    private int[] order = new int[0];
    private int active;
    private long keySign;
    /** The source of the level {@link #next} stepped to, or −1. */
    private int current = -1;

    /** Starts a walk over the side that {@code orderSide} consumes in every source. */
    public void reset(List<SweepSource> sources, OrderSide orderSide) {
        int count = sources.size();
        if (heads.length < count) {
            grow(count);
        }
        for (int i = 0; i < count; i++) {
            SweepSource source = sources.get(i);
            BookSide side = source.book().side(orderSide.bookSide());
            keys[i] = side.keys();
            sizes[i] = side.sizes();
            keySign = side.keySign();
            long multiplier = TakerFee.takerMultiplier(orderSide, source.takerFee());
            if (multipliers[i] != multiplier) {
                // Divided once for the sources of many walks: a fee seldom changes.
                multipliers[i] = multiplier;
                reciprocals[i] = 1.0 / multiplier;
            }
            heads[i] = side.depth() - 1;
        }
        this.sources = sources;
        ranked = false;
        active = 0;
        for (int i = 0; i < count; i++) {
            if (heads[i] >= 0) {
                computeAfterFee(i);
                insertInOrder(i);
            }
        }
        current = -1;
    }

    /**
     * Moves to the next level.
     *
     * @return false when every source is exhausted
     */
    public boolean next() {
        if (current >= 0) {
            heads[current]--;
            headTaken(current);
        }
        current = active == 0 ? -1 : order[0];
        return current >= 0;
    }

    /** Index, in the sources given to {@link #reset}, of the current level's venue. */
    public int source() {
        return current;
    }

    /** The current level's price. */
    public long price() {
        return keySign * keys[current][heads[current]];
    }

    /** The current level's size. */
    public long size() {
        return sizes[current][heads[current]];
    }

    /** What a unit of the current level's notional costs (buy) or yields (sell) after fee, at {@link TakerFee#SCALE}. */
    public long takerMultiplier() {
        return multipliers[current];
    }

    /** Whether a level is left to take: what {@link #fillFromFirst} needs. */
    boolean hasLevels() {
        return active > 0;
    }

    /**
     * Fills from the source whose level is first, level after level, for as long as its next level stays first and
     * the size lasts: each level taken whole, the last perhaps in part, is a fill of {@code result}.
     *
     * @param remaining the size still to fill, positive
     * @return the size still to fill after the run
     */
    long fillFromFirst(long remaining, SweepResult result) {
        if (current >= 0) {
            throw new IllegalStateException("a walk stepped with next() cannot fill by runs");
        }
        int source = order[0];
        long[] sourceKeys = keys[source];
        long[] sourceSizes = sizes[source];
        long threshold = active > 1 ? lowestKeyBefore(source, order[1]) : Long.MIN_VALUE;
        int head = heads[source];
        // The run's fills go straight into the result's arrays, room for all of them made at once.
        int fill = result.startRun(head + 1);
        long[] fillPrices = result.fillPrices();
        long[] fillSizes = result.fillSizes();
        int[] fillSources = result.fillSources();
        long filled = 0;
        long notionalHigh = 0;
        long notionalLow = 0;
        boolean overtaken = false;
        while (true) {
            long price = keySign * sourceKeys[head];
            long take = Math.min(remaining, sourceSizes[head]);
            fillPrices[fill] = price;
            fillSizes[fill] = take;
            fillSources[fill] = source;
            fill++;
            filled += take;
            long productLow = price * take;
            long sum = notionalLow + productLow;
            notionalHigh += Math.multiplyHigh(price, take) + (Long.compareUnsigned(sum, productLow) < 0 ? 1 : 0);
            notionalLow = sum;
            remaining -= take;
            head--;
            if (remaining == 0 || head < 0) {
                break;
            }
            if (sourceKeys[head] < threshold) {
                overtaken = true;
                break;
            }
        }
        heads[source] = head;
        result.endRun(fill, source, filled, notionalHigh, notionalLow);
        if (overtaken) {
            overtaken(source);
        } else {
            headTaken(source);
        }
        return remaining;
    }

    /**
     * The lowest key of {@code source}, the first in order, whose level is taken before the head of {@code rival}, the
     * second: its run goes down to it, compared key by key with no product after fee. With q the rival's head after fee
     * divided by the source's multiplier, rounded down, that key is q + 1, or q itself when q times the multiplier is
     * exactly the rival's and the source wins the tie. q is estimated in {@code double} within a few units and made
     * exact by the remainder, in 128 bits.
     */
    private long lowestKeyBefore(int source, int rival) {
        long multiplier = multipliers[source];
        long high = afterFeeHigh[rival];
        long low = afterFeeLow[rival];
        // Saturates at the ends of long, whose remainder then tells.
        long quotient = (long) Math.floor((double) keys[rival][heads[rival]] * multipliers[rival]
                * reciprocals[source]);
        long productLow = quotient * multiplier;
        long remainderLow = low - productLow;
        long remainderHigh = high - Math.multiplyHigh(quotient, multiplier)
                - (Long.compareUnsigned(low, productLow) < 0 ? 1 : 0);
        if (remainderHigh != remainderLow >> 63) {
            // A remainder beyond a long comes only of a quotient cut at the lowest long (one cut at the highest would
            // exceed the source's own head, which precedes the rival's): every key of the source is above it.
            return Long.MIN_VALUE;
        }
        if (remainderLow < 0 || remainderLow >= multiplier) {
            long units = Math.floorDiv(remainderLow, multiplier);
            if (units < 0 && quotient < Long.MIN_VALUE - units) {
                return Long.MIN_VALUE;
            }
            quotient += units;
            remainderLow -= units * multiplier;
        }
        // The quotient is at most the source's head, which precedes the rival's: quotient + 1 cannot overflow.
        return remainderLow == 0 && ranksBefore(source, rival) ? quotient : quotient + 1;
    }

    /**
     * Moves {@code source}, the first in order, behind the heads that beat its new head: the second in order is known
     * to, and takes the lead.
     */
    private void overtaken(int source) {
        computeAfterFee(source);
        order[0] = order[1];
        int p = 1;
        while (p + 1 < active && precedes(order[p + 1], source)) {
            order[p] = order[p + 1];
            p++;
        }
        order[p] = source;
    }

    /** Moves the new head of {@code source}, the first in order, to where it now belongs, or drops the source. */
    private void headTaken(int source) {
        if (heads[source] < 0) {
            active--;
            System.arraycopy(order, 1, order, 0, active);
            return;
        }
        if (active == 1) {
            // Alone, the source's levels need no key: nothing is left to compare them with.
            return;
        }
        computeAfterFee(source);
        int p = 0;
        while (p + 1 < active && precedes(order[p + 1], source)) {
            order[p] = order[p + 1];
            p++;
        }
        order[p] = source;
    }

    private void computeAfterFee(int source) {
        long key = keys[source][heads[source]];
        afterFeeHigh[source] = Math.multiplyHigh(key, multipliers[source]);
        afterFeeLow[source] = key * multipliers[source];
    }

    /** Insertion of a source's first head into the order, behind every head it does not beat. */
    private void insertInOrder(int source) {
        int p = active;
        while (p > 0 && precedes(source, order[p - 1])) {
            order[p] = order[p - 1];
            p--;
        }
        order[p] = source;
        active++;
    }

    /** Whether the head of {@code a} is taken before that of {@code b}: a better price after fee, or a tie won. */
    private boolean precedes(int a, int b) {
        return precedes(a, afterFeeHigh[a], afterFeeLow[a], b, afterFeeHigh[b], afterFeeLow[b]);
    }

    /**
     * Compares two keys after fee as signed 128-bit numbers, then on a tie the sources' ranks. The keys after fee are
     * products of a key, below 2^63 in magnitude, and a multiplier below 2^28, so they never overflow.
     */
    private boolean precedes(int source, long high, long low, int other, long otherHigh, long otherLow) {
        if (high != otherHigh) {
            return high > otherHigh;
        }
        if (low != otherLow) {
            return Long.compareUnsigned(low, otherLow) > 0;
        }
        return ranksBefore(source, other);
    }

    /** Whether {@code source} goes first of two levels that tie after fee. */
    private boolean ranksBefore(int source, int other) {
        if (!ranked) {
            rank();
        }
        return ranks[source] < ranks[other];
    }

    private void rank() {
        ranked = true;
        int count = sources.size();
        if (count == rankedCount && rankedAre(sources)) {
            return;
        }
        for (int i = 0; i < count; i++) {
            insertByPreference(sources, i);
            rankedSources[i] = sources.get(i);
        }
        for (int p = 0; p < count; p++) {
            ranks[byPreference[p]] = p;
        }
        rankedCount = count;
    }

    private boolean rankedAre(List<SweepSource> sources) {
        for (int i = 0; i < rankedCount; i++) {
            if (rankedSources[i] != sources.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Insertion sort of source {@code i} into the tie-break order: lower fee first, then venue name. */
    private void insertByPreference(List<SweepSource> sources, int i) {
        int p = i;
        while (p > 0 && isPreferred(sources.get(i), sources.get(byPreference[p - 1]))) {
            byPreference[p] = byPreference[p - 1];
            p--;
        }
        byPreference[p] = i;
    }

    private static boolean isPreferred(SweepSource a, SweepSource b) {
        if (a.takerFee() != b.takerFee()) {
            return a.takerFee() < b.takerFee();
        }
        return a.venue().compareTo(b.venue()) < 0;
    }

    private void grow(int count) {
        keys = new long[count][];
        sizes = new long[count][];
        multipliers = new long[count];
        reciprocals = new double[count];
        heads = new int[count];
        afterFeeHigh = new long[count];
        afterFeeLow = new long[count];
        ranks = new int[count];
        byPreference = new int[count];
        rankedSources = new SweepSource[count];
        rankedCount = 0;
        order = new int[count];
    }
}
