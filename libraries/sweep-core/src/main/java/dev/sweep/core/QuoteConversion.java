package dev.sweep.core;

/**
 * Takes a book quoted in one currency into another at a {@link ConversionRate}: each price × rate, rounded to the
 * instrument's price scale against the taker (bids down, asks up, so that a converted venue never looks better than
 * its book and the rate make it), sizes unchanged. Two levels that round to one price become one level holding both
 * sizes. Exact: the products are computed in longs split at the scale, and overflow throws.
 */
public final class QuoteConversion {

    private QuoteConversion() {
    }

    /**
     * A price converted at a rate, both at {@code scale}, rounded down on the bid side and up on the ask side.
     *
     * @throws ArithmeticException if the converted price does not fit
     */
    public static long price(long price, long rate, int scale, Side side) {
        long unit = FixedPoint.powerOfTen(scale);
        // price × rate / unit = whole × rate + fraction × rate / unit, with whole and fraction the parts of price.
        long whole = Math.multiplyExact(price / unit, rate);
        long fractionTimesRate = Math.multiplyExact(price % unit, rate);
        long converted = Math.addExact(whole, fractionTimesRate / unit);
        if (side == Side.ASK && fractionTimesRate % unit != 0) {
            converted = Math.addExact(converted, 1);
        }
        return converted;
    }

    /**
     * A new book of {@code target} holding {@code book}'s levels converted at {@code rate}, under the same venue and
     * price precision.
     *
     * @throws IllegalArgumentException if the book does not quote in the rate's {@code from} currency, the target
     *                                  not in its {@code to}, or their base assets or scales differ
     */
    public static OrderBook convert(OrderBook book, Instrument target, ConversionRate rate) {
        return convert(book, target, rate, rate);
    }

    /**
     * As {@link #convert(OrderBook, Instrument, ConversionRate)}, each side at its own rate: for a view of both sides
     * ({@code sweep depth}), the bids at the rate a sell converts at and the asks at the rate a buy does.
     */
    public static OrderBook convert(OrderBook book, Instrument target, ConversionRate bidRate,
                                    ConversionRate askRate) {
        check(book, target, bidRate);
        check(book, target, askRate);
        OrderBook converted = new OrderBook(book.venue(), target, book.pricePrecision());
        convertSide(book.side(Side.BID), converted, bidRate.rate(), target.priceScale());
        convertSide(book.side(Side.ASK), converted, askRate.rate(), target.priceScale());
        return converted;
    }

    private static void check(OrderBook book, Instrument target, ConversionRate rate) {
        Instrument source = book.instrument();
        if (!source.quote().equals(rate.from()) || !target.quote().equals(rate.to())
                || !source.base().equals(target.base()) || source.priceScale() != target.priceScale()
                || source.sizeScale() != target.sizeScale()) {
            throw new IllegalArgumentException("cannot convert a " + source + " book to " + target + " at "
                    + rate.pair());
        }
    }

    private static void convertSide(BookSide levels, OrderBook converted, long rate, int scale) {
        int depth = levels.depth();
        long[] prices = new long[depth];
        long[] sizes = new long[depth];
        int count = 0;
        for (int level = 0; level < depth; level++) {
            long price = price(levels.price(level), rate, scale, levels.side());
            // Best first, and the conversion keeps the order: equal prices can only be neighbours.
            if (count > 0 && prices[count - 1] == price) {
                sizes[count - 1] = Math.addExact(sizes[count - 1], levels.size(level));
            } else if (price > 0) { // a bid that rounds to nothing would fetch nothing: it is left out
                prices[count] = price;
                sizes[count] = levels.size(level);
                count++;
            }
        }
        converted.load(levels.side(), prices, sizes, count);
    }
}
