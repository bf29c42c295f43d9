package dev.sweep.report.bookfile;

import dev.sweep.core.BookSide;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.report.UserInputException;
import java.util.Arrays;

/**
 * The levels of one side of a book file, parsed as they are read into two primitive columns. A book's venue and
 * symbol may come after its levels, so the first bad level is remembered rather than thrown, and reported once the
 * book is known to be wanted.
 */
final class SideLevels {

    private final Instrument instrument;
    private long[] prices = new long[16];
    private long[] sizes = new long[16];
    private int count;
    private int decimals;
    private String problem;

    SideLevels(Instrument instrument) {
        this.instrument = instrument;
    }

    int count() {
        return count;
    }

    /** The most decimals any price is written with: the venue's price precision, for display. */
    int decimals() {
        return decimals;
    }

    /** Appends the level {@code [price, size]} as written in the file. */
    void add(String price, String size) {
        int index = count;
        long scaledPrice = amount(index, "price", price, instrument.priceScale());
        long scaledSize = amount(index, "size", size, instrument.sizeScale());
        if (scaledPrice == 0) {
            remember("[" + index + "]: price must be positive");
        } else if (scaledSize == 0) {
            remember("[" + index + "]: size must be positive (a book file lists resting levels)");
        }
        int point = price.indexOf('.');
        if (point >= 0) {
            decimals = Math.max(decimals, price.length() - point - 1);
        }
        if (count == prices.length) {
            prices = Arrays.copyOf(prices, count * 2);
            sizes = Arrays.copyOf(sizes, count * 2);
        }
        prices[count] = scaledPrice;
        sizes[count] = scaledSize;
        count++;
    }

    /**
     * Makes these levels one side of {@code book}, sorting them once.
     *
     * @return null, or what is wrong with the first bad level, after {@code where}
     *         ({@code "kraken BTC-USD bids[3]: price must be positive"})
     */
    String loadInto(OrderBook book, Side side, String where) {
        if (problem != null) {
            return where + problem;
        }
        long repeated = book.load(side, prices, sizes, count);
        if (repeated == BookSide.NO_PRICE) {
            return null;
        }
        int first = indexOf(repeated, 0);
        return where + "[" + indexOf(repeated, first + 1) + "]: price "
                + FixedPoint.format(repeated, instrument.priceScale()) + " is listed twice (first at [" + first + "])";
    }

    private long amount(int index, String field, String text, int scale) {
        long value = FixedPoint.parse(text, scale);
        if (value < 0) {
            remember("[" + index + "] " + field + " '" + UserInputException.excerpt(text) + "' is not a valid amount: "
                    + FixedPoint.describe(value, scale));
            return 0;
        }
        return value;
    }

    private void remember(String levelProblem) {
        if (problem == null) {
            problem = levelProblem;
        }
    }

    private int indexOf(long price, int from) {
        for (int i = from; i < count; i++) {
            if (prices[i] == price) {
                return i;
            }
        }
        throw new IllegalStateException("price " + price + " is not among the levels");
    }
}
