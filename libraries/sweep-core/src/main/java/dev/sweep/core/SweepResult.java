package dev.sweep.core;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The raw outcome of one sweep, in scaled longs: the fills, the totals, and what each source contributed. Filled
 * by {@link SweepEngine} and reused from sweep to sweep, so a steady stream of sweeps allocates nothing;
 * {@link SweepReport} turns it into exact decimals for people and scripts.
 */
public final class SweepResult {

    private static final int INITIAL_FILLS = 64;

    private OrderSide orderSide = OrderSide.SELL;
    private long requested;
    private long filled;
    private long[] fillPrices = new long[INITIAL_FILLS];
    private long[] fillSizes = new long[INITIAL_FILLS];
    private int[] fillSources = new int[INITIAL_FILLS];
    private int fillCount;
    private int sourceCount;
    private long[] filledBySource = new long[0];
    /** Per source, Σ price × size in 128 bits: its high and its low (unsigned) half. */
    private long[] notionalHigh = new long[0];
    private long[] notionalLow = new long[0];

    void reset(OrderSide orderSide, long requested, int sourceCount) {
        this.orderSide = orderSide;
        this.requested = requested;
        this.filled = 0;
        this.fillCount = 0;
        if (filledBySource.length < sourceCount) {
            filledBySource = new long[sourceCount];
            notionalHigh = new long[sourceCount];
            notionalLow = new long[sourceCount];
        }
        this.sourceCount = sourceCount;
        for (int i = 0; i < sourceCount; i++) {
            filledBySource[i] = 0;
            notionalHigh[i] = 0;
            notionalLow[i] = 0;
        }
    }

    /**
     * Makes room for a run of up to {@code count} fills, written straight into {@link #fillPrices}, {@link #fillSizes}
     * and {@link #fillSources} from the index returned, then ended by {@link #endRun}.
     */
    int startRun(int count) {
        if (fillCount + count > fillPrices.length) {
            int length = Math.max(fillCount + count, fillPrices.length * 2);
            fillPrices = Arrays.copyOf(fillPrices, length);
            fillSizes = Arrays.copyOf(fillSizes, length);
            fillSources = Arrays.copyOf(fillSources, length);
        }
        return fillCount;
    }

    long[] fillPrices() {
        return fillPrices;
    }

    long[] fillSizes() {
        return fillSizes;
    }

    int[] fillSources() {
        return fillSources;
    }

    /**
     * Ends a run of one source's fills, written up to {@code end}: their size and notional, Σ price × size as a
     * 128-bit number, are counted. The sizes added up never exceed the size requested (the engine takes at most what
     * remains), so no sum overflows: filled sizes stay below 2^63, and a notional, below the highest price times the
     * size filled, below 2^126.
     */
    void endRun(int end, int source, long size, long notionalHigh, long notionalLow) {
        fillCount = end;
        filled += size;
        filledBySource[source] += size;
        long low = this.notionalLow[source] + notionalLow;
        this.notionalHigh[source] += notionalHigh + (Long.compareUnsigned(low, notionalLow) < 0 ? 1 : 0);
        this.notionalLow[source] = low;
    }

    public OrderSide orderSide() {
        return orderSide;
    }

    /** The size asked for, at the size scale. */
    public long requested() {
        return requested;
    }

    /** The size filled, at the size scale: less than requested when the books were too thin. */
    public long filled() {
        return filled;
    }

    /** Whether the whole requested size was filled. */
    public boolean isComplete() {
        return filled == requested;
    }

    /** Number of fills: each is one price level of one source, consumed whole except perhaps the last. */
    public int fillCount() {
        return fillCount;
    }

    public long fillPrice(int fill) {
        return fillPrices[checkFill(fill)];
    }

    public long fillSize(int fill) {
        return fillSizes[checkFill(fill)];
    }

    /** Index of the source the fill came from, as given to the engine. */
    public int fillSource(int fill) {
        return fillSources[checkFill(fill)];
    }

    /** Number of sources swept. */
    public int sourceCount() {
        return sourceCount;
    }

    /** Size filled from one source, at the size scale. */
    public long filled(int source) {
        return filledBySource[checkSource(source)];
    }

    /** Σ price × size over all fills, at price scale + size scale. */
    public BigInteger notional() {
        long high = 0;
        long low = 0;
        for (int source = 0; source < sourceCount; source++) {
            long sum = low + notionalLow[source];
            high += notionalHigh[source] + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
            low = sum;
        }
        return toBigInteger(high, low);
    }

    /** Σ price × size over one source's fills, at price scale + size scale. */
    public BigInteger notional(int source) {
        return toBigInteger(notionalHigh[checkSource(source)], notionalLow[source]);
    }

    private static BigInteger toBigInteger(long high, long low) {
        // Nearly every notional fits in a long: no text to parse then.
        if (high == 0 && low >= 0) {
            return BigInteger.valueOf(low);
        }
        return BigInteger.valueOf(high).shiftLeft(Long.SIZE).add(new BigInteger(Long.toUnsignedString(low)));
    }

    private int checkFill(int fill) {
        if (fill < 0 || fill >= fillCount) {
            throw new IndexOutOfBoundsException("fill " + fill + " of " + fillCount);
        }
        return fill;
    }

    private int checkSource(int source) {
        if (source < 0 || source >= sourceCount) {
            throw new IndexOutOfBoundsException("source " + source + " of " + sourceCount);
        }
        return source;
    }
}
