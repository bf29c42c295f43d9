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
    private final Int128 notional = new Int128();
    private long[] fillPrices = new long[INITIAL_FILLS];
    private long[] fillSizes = new long[INITIAL_FILLS];
    private int[] fillSources = new int[INITIAL_FILLS];
    private int fillCount;
    private int sourceCount;
    private long[] filledBySource = new long[0];
    private Int128[] notionalBySource = new Int128[0];

    void reset(OrderSide orderSide, long requested, int sourceCount) {
        this.orderSide = orderSide;
        this.requested = requested;
        this.filled = 0;
        this.notional.reset();
        this.fillCount = 0;
        if (filledBySource.length < sourceCount) {
            filledBySource = new long[sourceCount];
            notionalBySource = new Int128[sourceCount];
            for (int i = 0; i < sourceCount; i++) {
                notionalBySource[i] = new Int128();
            }
        }
        this.sourceCount = sourceCount;
        for (int i = 0; i < sourceCount; i++) {
            filledBySource[i] = 0;
            notionalBySource[i].reset();
        }
    }

    void addFill(int source, long price, long size) {
        if (fillCount == fillPrices.length) {
            fillPrices = Arrays.copyOf(fillPrices, fillCount * 2);
            fillSizes = Arrays.copyOf(fillSizes, fillCount * 2);
            fillSources = Arrays.copyOf(fillSources, fillCount * 2);
        }
        fillPrices[fillCount] = price;
        fillSizes[fillCount] = size;
        fillSources[fillCount] = source;
        fillCount++;
        filled = Math.addExact(filled, size);
        filledBySource[source] = Math.addExact(filledBySource[source], size);
        notional.addProduct(price, size);
        notionalBySource[source].addProduct(price, size);
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
        return notional.toBigInteger();
    }

    /** Σ price × size over one source's fills, at price scale + size scale. */
    public BigInteger notional(int source) {
        return notionalBySource[checkSource(source)].toBigInteger();
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
