package dev.sweep.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * How much of a book a query copies ({@link OrderBook#copyFrom(OrderBook, BookCut)}): every level, or for one order
 * the best levels of the side it takes until they cover it, and the best level of the other side for the mid.
 *
 * <p>That is all a sweep of the order reads, alone or merged with other venues: a sweep takes a venue's levels best
 * first and stops once the order is filled, so it never reaches past the levels that fill the whole order on that
 * venue alone. A quote amount is covered by notional, price × size: a buy pays at least the notional, so levels
 * whose notional reaches the amount cover it; a sell receives the notional less the fee, so its levels must reach the
 * amount grossed up by the highest fee of the venues swept.
 *
 * <p>Immutable, so one cut serves the threads of every venue; finding the levels allocates nothing.
 */
public final class BookCut {

    /** Every level of both sides: for showing or saving a book rather than sweeping it. */
    public static final BookCut WHOLE = new BookCut(null, 0, 0, 0);

    /** Above this many bits a notional threshold is beyond any book: the side is copied whole. */
    private static final int MAX_THRESHOLD_BITS = 126;

    private final Side swept;
    private final long size;
    private final long notionalHigh;
    private final long notionalLow;

    private BookCut(Side swept, long size, long notionalHigh, long notionalLow) {
        this.swept = swept;
        this.size = size;
        this.notionalHigh = notionalHigh;
        this.notionalLow = notionalLow;
    }

    /**
     * The cut for sweeping one order.
     *
     * @param highestTakerFee the highest taker fee of the venues swept (see {@link TakerFee}): what a sell for a quote
     *                        amount must gross its notional up by
     */
    public static BookCut forOrder(OrderRequest request, Instrument instrument, long highestTakerFee) {
        Side side = request.side().bookSide();
        if (!request.inQuote()) {
            return new BookCut(side, FixedPoint.fromBigDecimal(request.amount(), instrument.sizeScale()), 0, 0);
        }
        BigDecimal notional = request.amount().movePointRight(instrument.priceScale() + instrument.sizeScale());
        if (request.side() == OrderSide.SELL) {
            notional = notional.divide(TakerFee.toFraction(TakerFee.ONE - highestTakerFee), 0, RoundingMode.CEILING);
        }
        BigInteger threshold = notional.setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        if (threshold.bitLength() > MAX_THRESHOLD_BITS) {
            return new BookCut(side, 0, -1, -1);
        }
        return new BookCut(side, 0, threshold.shiftRight(Long.SIZE).longValueExact(), threshold.longValue());
    }

    /**
     * How many of the best levels of {@code side} to copy: every level of a whole cut; of the side an order takes,
     * the fewest that cover it (every level when none do); of the other side, its best.
     */
    public int levels(BookSide side) {
        if (swept == null) {
            return side.depth();
        }
        if (side.side() != swept) {
            return Math.min(1, side.depth());
        }
        return size > 0 ? levelsCoveringSize(side) : levelsCoveringNotional(side);
    }

    private int levelsCoveringSize(BookSide side) {
        long remaining = size;
        for (int i = 0; i < side.depth(); i++) {
            long levelSize = side.size(i);
            if (levelSize >= remaining) {
                return i + 1;
            }
            remaining -= levelSize;
        }
        return side.depth();
    }

    /** The notional still to cover is a 128-bit count kept in two longs, so that no accumulator is shared. */
    private int levelsCoveringNotional(BookSide side) {
        if (notionalHigh < 0) {
            return side.depth();
        }
        long high = notionalHigh;
        long low = notionalLow;
        for (int i = 0; i < side.depth(); i++) {
            long price = side.price(i);
            long levelSize = side.size(i);
            long productHigh = Math.multiplyHigh(price, levelSize);
            long productLow = price * levelSize;
            if (productHigh > high || productHigh == high && Long.compareUnsigned(productLow, low) >= 0) {
                return i + 1;
            }
            long borrow = Long.compareUnsigned(low, productLow) < 0 ? 1 : 0;
            low -= productLow;
            high -= productHigh + borrow;
        }
        return side.depth();
    }
}
