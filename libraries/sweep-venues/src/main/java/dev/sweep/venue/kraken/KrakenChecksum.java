package dev.sweep.venue.kraken;

import dev.sweep.core.BookSide;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.OrderBook;
import java.util.zip.CRC32;

/**
 * Kraken's book checksum (WebSocket v2): CRC32 over the top 10 asks (lowest first) then the top 10 bids (highest
 * first), each level written as its price and its quantity with the pair's precision, the decimal point removed and
 * leading zeros stripped ({@code 45285.2} → {@code 452852}, {@code 0.00100000} → {@code 100000}).
 *
 * <p>Scaled longs make that string the plain digits of {@code value × 10^precision}, so it is written straight from
 * the book without formatting a decimal. Reusable and allocation-free; not thread-safe.
 */
public final class KrakenChecksum {

    /** Levels per side that the checksum covers, whatever the subscribed depth. */
    public static final int LEVELS = 10;

    /** Returned when a level has more decimals than the precision: the precision is stale, the book cannot match. */
    public static final long PRECISION_MISMATCH = -1;

    /** The longest checksum text: 2 sides × 10 levels × 2 numbers × 19 digits. */
    private static final int MAX_TEXT = 2 * LEVELS * 2 * 19;

    /** "00", "01", … "99": two digits per division, as the checksum text is the hot part of a Kraken update. */
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    /** Longest text of one level: two numbers of at most 19 digits. */
    private static final int MAX_LEVEL_TEXT = 2 * 19;

    private final CRC32 crc = new CRC32();
    private final byte[] text = new byte[MAX_TEXT];
    private int length;
    /**
     * Each side's text from the previous computation: an update changes one or two levels, so the text of the others
     * is copied from here, in runs, rather than formatted again.
     */
    private final SideText[] previous = {new SideText(), new SideText()};
    private final int[] starts = new int[LEVELS + 1];
    private final long[] prices = new long[LEVELS];
    private final long[] sizes = new long[LEVELS];
    private int cachedPricePrecision = -1;
    private int cachedQtyPrecision = -1;

    /** The text of a side's top levels, contiguous, with where each level starts and what it was made from. */
    private static final class SideText {
        final byte[] text = new byte[LEVELS * MAX_LEVEL_TEXT];
        final int[] starts = new int[LEVELS + 1];
        final long[] prices = new long[LEVELS];
        final long[] sizes = new long[LEVELS];
        int count;

        /** Where this side had the level at {@code index} or one place either side of it (an insert or delete moved it). */
        int find(int index, long price, long size) {
            for (int candidate = Math.max(0, index - 1); candidate <= Math.min(count - 1, index + 1); candidate++) {
                if (prices[candidate] == price && sizes[candidate] == size) {
                    return candidate;
                }
            }
            return -1;
        }
    }

    /**
     * @param pricePrecision the pair's {@code price_precision}
     * @param qtyPrecision   the pair's {@code qty_precision}
     * @return the unsigned CRC32, or {@link #PRECISION_MISMATCH}
     */
    public long compute(OrderBook book, int pricePrecision, int qtyPrecision) {
        length = 0;
        if (pricePrecision != cachedPricePrecision || qtyPrecision != cachedQtyPrecision) {
            previous[0].count = 0;
            previous[1].count = 0;
            cachedPricePrecision = pricePrecision;
            cachedQtyPrecision = qtyPrecision;
        }
        int priceScale = book.instrument().priceScale();
        int sizeScale = book.instrument().sizeScale();
        if (!appendSide(0, book.asks(), priceScale, pricePrecision, sizeScale, qtyPrecision)
                || !appendSide(1, book.bids(), priceScale, pricePrecision, sizeScale, qtyPrecision)) {
            previous[0].count = 0;
            previous[1].count = 0;
            return PRECISION_MISMATCH;
        }
        // One CRC update over the whole text: far cheaper than one per number.
        crc.reset();
        crc.update(text, 0, length);
        return crc.getValue();
    }

    private boolean appendSide(int index, BookSide side, int priceScale, int pricePrecision, int sizeScale,
                               int qtyPrecision) {
        SideText before = previous[index];
        int sideStart = length;
        int levels = Math.min(LEVELS, side.depth());
        // A run of levels whose text lies back to back in the previous text, copied in one go.
        int runFrom = 0;
        int runTo = 0;
        for (int i = 0; i < levels; i++) {
            long price = side.price(i);
            long size = side.size(i);
            starts[i] = length - sideStart + (runTo - runFrom);
            prices[i] = price;
            sizes[i] = size;
            int cached = before.find(i, price, size);
            if (cached >= 0 && runTo == before.starts[cached] && runTo > runFrom) {
                runTo = before.starts[cached + 1];
                continue;
            }
            length = copyRun(before, runFrom, runTo);
            runFrom = 0;
            runTo = 0;
            if (cached >= 0) {
                runFrom = before.starts[cached];
                runTo = before.starts[cached + 1];
            } else if (!appendDigits(price, priceScale, pricePrecision)
                    || !appendDigits(size, sizeScale, qtyPrecision)) {
                return false;
            }
        }
        length = copyRun(before, runFrom, runTo);
        starts[levels] = length - sideStart;
        System.arraycopy(text, sideStart, before.text, 0, length - sideStart);
        System.arraycopy(starts, 0, before.starts, 0, levels + 1);
        System.arraycopy(prices, 0, before.prices, 0, levels);
        System.arraycopy(sizes, 0, before.sizes, 0, levels);
        before.count = levels;
        return true;
    }

    /** Appends {@code before.text[from, to)} and returns the new length. */
    private int copyRun(SideText before, int from, int to) {
        System.arraycopy(before.text, from, text, length, to - from);
        return length + to - from;
    }

    /** Decimal digits of a non-negative value, 0 having none (leading zeros are stripped, so zero writes nothing). */
    private static int digitCount(long value) {
        if (value == 0) {
            return 0;
        }
        // log10 from the bit length (1233 / 4096 ≈ log10 2), then one comparison to correct it.
        int estimate = ((64 - Long.numberOfLeadingZeros(value)) * 1233) >>> 12;
        return estimate > FixedPoint.MAX_SCALE || value >= FixedPoint.powerOfTen(estimate) ? estimate + 1 : estimate;
    }

    /** Appends the digits of {@code value / 10^scale × 10^precision}, which must be a whole number. */
    private boolean appendDigits(long value, int scale, int precision) {
        long digitsValue;
        if (precision <= scale) {
            long divisor = FixedPoint.powerOfTen(scale - precision);
            digitsValue = value / divisor;
            if (digitsValue * divisor != value) {
                return false;
            }
        } else {
            long factor = FixedPoint.powerOfTen(precision - scale);
            if (value > Long.MAX_VALUE / factor) {
                return false;
            }
            digitsValue = value * factor;
        }
        int end = length + digitCount(digitsValue);
        int position = end;
        long rest = digitsValue;
        while (rest >= 100) {
            long quotient = rest / 100;
            int pair = (int) (rest - quotient * 100) * 2;
            text[--position] = DIGIT_PAIRS[pair + 1];
            text[--position] = DIGIT_PAIRS[pair];
            rest = quotient;
        }
        if (rest >= 10) {
            text[--position] = DIGIT_PAIRS[(int) rest * 2 + 1];
            text[--position] = DIGIT_PAIRS[(int) rest * 2];
        } else if (rest > 0) {
            text[--position] = (byte) ('0' + rest);
        }
        length = end;
        return true;
    }
}
