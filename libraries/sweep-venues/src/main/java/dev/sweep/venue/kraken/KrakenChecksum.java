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

    private final CRC32 crc = new CRC32();
    private final byte[] digits = new byte[20];

    /**
     * @param pricePrecision the pair's {@code price_precision}
     * @param qtyPrecision   the pair's {@code qty_precision}
     * @return the unsigned CRC32, or {@link #PRECISION_MISMATCH}
     */
    public long compute(OrderBook book, int pricePrecision, int qtyPrecision) {
        crc.reset();
        int priceScale = book.instrument().priceScale();
        int sizeScale = book.instrument().sizeScale();
        if (!appendSide(book.asks(), priceScale, pricePrecision, sizeScale, qtyPrecision)
                || !appendSide(book.bids(), priceScale, pricePrecision, sizeScale, qtyPrecision)) {
            return PRECISION_MISMATCH;
        }
        return crc.getValue();
    }

    private boolean appendSide(BookSide side, int priceScale, int pricePrecision, int sizeScale, int qtyPrecision) {
        int levels = Math.min(LEVELS, side.depth());
        for (int i = 0; i < levels; i++) {
            if (!appendDigits(side.price(i), priceScale, pricePrecision)
                    || !appendDigits(side.size(i), sizeScale, qtyPrecision)) {
                return false;
            }
        }
        return true;
    }

    /** Appends the digits of {@code value / 10^scale × 10^precision}, which must be a whole number. */
    private boolean appendDigits(long value, int scale, int precision) {
        long digitsValue;
        if (precision <= scale) {
            long divisor = FixedPoint.powerOfTen(scale - precision);
            if (value % divisor != 0) {
                return false;
            }
            digitsValue = value / divisor;
        } else {
            long factor = FixedPoint.powerOfTen(precision - scale);
            if (value > Long.MAX_VALUE / factor) {
                return false;
            }
            digitsValue = value * factor;
        }
        int start = digits.length;
        while (digitsValue > 0) {
            digits[--start] = (byte) ('0' + digitsValue % 10);
            digitsValue /= 10;
        }
        crc.update(digits, start, digits.length - start);
        return true;
    }
}
