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
    /** How far a kept level is looked for from its new place: a frame's one or two inserts or deletes move it. */
    private static final int MOVES = 2;
    /** Room for one side's text. */
    private static final int SIDE_TEXT = LEVELS * MAX_LEVEL_TEXT;

    private final CRC32 crc = new CRC32();
    /**
     * The text of the last computation, kept: the asks' from 0, the bids' from {@link #SIDE_TEXT}. An update changes
     * one or two levels, so a side's text is kept up to its first changed level, and after it the levels that only
     * moved up or down a place are copied from the old text, in runs; only the new levels are formatted.
     */
    private final byte[] text = new byte[2 * SIDE_TEXT];
    /** The text of a side's changed levels, before it replaces the old. */
    private final byte[] scratch = new byte[SIDE_TEXT];
    /** Where each kept level's text starts in its side's part of {@link #text}, and where the last one ends. */
    private final int[][] starts = new int[2][LEVELS + 1];
    /** Each side's kept levels, best first. */
    private final long[][] prices = new long[2][LEVELS];
    private final long[][] sizes = new long[2][LEVELS];
    /** A side's levels now, read from the book; they become the side's kept levels when they changed. */
    private long[] topPrices = new long[LEVELS];
    private long[] topSizes = new long[LEVELS];
    private final int[] counts = new int[2];
    /** Where each kept level's price digits end, its size's start. */
    private final int[][] priceEnds = new int[2][LEVELS];
    private final int[] newStarts = new int[LEVELS + 1];
    private final int[] newPriceEnds = new int[LEVELS];
    private int length;
    private int cachedPricePrecision = -1;
    private int cachedQtyPrecision = -1;

    /**
     * @param pricePrecision the pair's {@code price_precision}
     * @param qtyPrecision   the pair's {@code qty_precision}
     * @return the unsigned CRC32, or {@link #PRECISION_MISMATCH}
     */
    public long compute(OrderBook book, int pricePrecision, int qtyPrecision) {
        if (pricePrecision != cachedPricePrecision || qtyPrecision != cachedQtyPrecision) {
            forget();
            cachedPricePrecision = pricePrecision;
            cachedQtyPrecision = qtyPrecision;
        }
        int priceScale = book.instrument().priceScale();
        int sizeScale = book.instrument().sizeScale();
        if (!updateSide(0, book.asks(), priceScale, pricePrecision, sizeScale, qtyPrecision)
                || !updateSide(1, book.bids(), priceScale, pricePrecision, sizeScale, qtyPrecision)) {
            forget();
            return PRECISION_MISMATCH;
        }
        // One CRC update per side: far cheaper than one per number.
        crc.reset();
        crc.update(text, 0, starts[0][counts[0]]);
        crc.update(text, SIDE_TEXT, starts[1][counts[1]]);
        return crc.getValue();
    }

    private void forget() {
        counts[0] = 0;
        counts[1] = 0;
    }

    /** Brings a side's kept text up to the book's top levels. */
    private boolean updateSide(int index, BookSide side, int priceScale, int pricePrecision, int sizeScale,
                               int qtyPrecision) {
        long[] oldPrices = prices[index];
        long[] oldSizes = sizes[index];
        long[] newPrices = topPrices;
        long[] newSizes = topSizes;
        int[] oldStarts = starts[index];
        int oldCount = counts[index];
        int levels = side.top(newPrices, newSizes, LEVELS);
        int first = 0;
        int common = Math.min(levels, oldCount);
        while (first < common && newPrices[first] == oldPrices[first] && newSizes[first] == oldSizes[first]) {
            first++;
        }
        if (first == levels && levels == oldCount) {
            return true;
        }
        int base = index * SIDE_TEXT;
        int[] oldPriceEnds = priceEnds[index];
        // A run of old levels, back to back in the old text, copied in one go; the old level after it, which the next
        // level usually is, is tried before any other.
        int runFrom = 0;
        int runTo = 0;
        int runNext = oldCount;
        length = 0;
        for (int i = first; i < levels; i++) {
            long price = newPrices[i];
            long size = newSizes[i];
            newStarts[i] = length + runTo - runFrom;
            if (runNext < oldCount && oldPrices[runNext] == price && oldSizes[runNext] == size) {
                newPriceEnds[i] = newStarts[i] + oldPriceEnds[runNext] - oldStarts[runNext];
                runNext++;
                runTo = oldStarts[runNext];
                continue;
            }
            copyRun(base, runFrom, runTo);
            int old = find(oldPrices, oldSizes, oldCount, i, price, size);
            if (old >= 0) {
                newPriceEnds[i] = length + oldPriceEnds[old] - oldStarts[old];
                runFrom = oldStarts[old];
                runTo = oldStarts[old + 1];
                runNext = old + 1;
                continue;
            }
            runFrom = 0;
            runTo = 0;
            runNext = oldCount;
            // Most changes are a new size at a price already listed: its price is written already.
            int samePrice = findPrice(oldPrices, oldCount, i, price);
            if (samePrice >= 0) {
                copyRun(base, oldStarts[samePrice], oldPriceEnds[samePrice]);
            } else if (!appendDigits(price, priceScale, pricePrecision)) {
                return false;
            }
            newPriceEnds[i] = length;
            if (!appendDigits(size, sizeScale, qtyPrecision)) {
                return false;
            }
        }
        copyRun(base, runFrom, runTo);
        int from = oldStarts[first];
        System.arraycopy(scratch, 0, text, base + from, length);
        for (int i = first; i < levels; i++) {
            oldStarts[i] = from + newStarts[i];
            oldPriceEnds[i] = from + newPriceEnds[i];
        }
        oldStarts[levels] = from + length;
        counts[index] = levels;
        // The levels read are the side's now: they are kept, and the old arrays take the next reading.
        prices[index] = newPrices;
        sizes[index] = newSizes;
        topPrices = oldPrices;
        topSizes = oldSizes;
        return true;
    }

    /**
     * Where the old text had the level at {@code index}, or up to {@link #MOVES} places either side of it (as many
     * inserts or deletes above it moved it).
     */
    private static int find(long[] prices, long[] sizes, int count, int index, long price, long size) {
        for (int candidate = Math.max(0, index - MOVES); candidate <= Math.min(count - 1, index + MOVES); candidate++) {
            if (prices[candidate] == price && sizes[candidate] == size) {
                return candidate;
            }
        }
        return -1;
    }

    /** Where the old text had a level at {@code price}, near {@code index} as {@link #find} looks; -1 if nowhere. */
    private static int findPrice(long[] prices, int count, int index, long price) {
        for (int candidate = Math.max(0, index - MOVES); candidate <= Math.min(count - 1, index + MOVES); candidate++) {
            if (prices[candidate] == price) {
                return candidate;
            }
        }
        return -1;
    }

    /** Appends the old text {@code [from, to)} of the side whose text starts at {@code base} to the scratch text. */
    private void copyRun(int base, int from, int to) {
        System.arraycopy(text, base + from, scratch, length, to - from);
        length += to - from;
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

    /**
     * Appends the digits of {@code value / 10^scale × 10^precision}, which must be a whole number, to the scratch text.
     * The value's own digits are written and the {@code scale - precision} last, which must be zeros, taken back: a
     * division by a power of ten that is not a constant would cost more than writing the digits.
     */
    private boolean appendDigits(long value, int scale, int precision) {
        if (value == 0) {
            return true;
        }
        int dropped = scale - precision;
        long digitsValue = value;
        if (dropped < 0) {
            long factor = FixedPoint.powerOfTen(-dropped);
            if (value > Long.MAX_VALUE / factor) {
                return false;
            }
            digitsValue = value * factor;
            dropped = 0;
        }
        int digits = digitCount(digitsValue);
        if (digits <= dropped) {
            return false; // a positive value below 10^dropped has decimals beyond the precision
        }
        int end = length + digits;
        int position = end;
        long rest = digitsValue;
        while (rest >= 100) {
            long quotient = rest / 100;
            int pair = (int) (rest - quotient * 100) * 2;
            scratch[--position] = DIGIT_PAIRS[pair + 1];
            scratch[--position] = DIGIT_PAIRS[pair];
            rest = quotient;
        }
        if (rest >= 10) {
            scratch[--position] = DIGIT_PAIRS[(int) rest * 2 + 1];
            scratch[--position] = DIGIT_PAIRS[(int) rest * 2];
        } else {
            scratch[--position] = (byte) ('0' + rest);
        }
        for (int i = end - dropped; i < end; i++) {
            if (scratch[i] != '0') {
                return false;
            }
        }
        length = end - dropped;
        return true;
    }
}
