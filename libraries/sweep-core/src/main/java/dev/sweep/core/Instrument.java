package dev.sweep.core;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A traded pair in Sweep's own notation ({@code BTC-USD}) and the fixed-point scales its prices and sizes are kept
 * at. Every book of one instrument, on every venue, uses the same scales, so levels of different venues compare and
 * merge as plain longs.
 *
 * @param symbol     {@code BASE-QUOTE}, upper case
 * @param base       the asset bought or sold
 * @param quote      the asset prices are quoted in
 * @param priceScale decimal places kept for prices
 * @param sizeScale  decimal places kept for sizes
 */
public record Instrument(String symbol, String base, String quote, int priceScale, int sizeScale) {

    /**
     * Default price scale: 10^-8 of the quote currency covers every venue's tick for the pairs Sweep follows, and
     * leaves room for prices up to 92 billion.
     */
    public static final int DEFAULT_PRICE_SCALE = 8;

    /**
     * Default size scale: Gemini sends sizes with up to 10 decimals ({@code "0.1921229751"}); sizes up to 922 million
     * units fit.
     */
    public static final int DEFAULT_SIZE_SCALE = 10;

    private static final Pattern SYMBOL = Pattern.compile("([A-Z0-9]{1,12})-([A-Z0-9]{1,12})");

    public Instrument {
        if (priceScale < 0 || priceScale > FixedPoint.MAX_SCALE || sizeScale < 0 || sizeScale > FixedPoint.MAX_SCALE) {
            throw new IllegalArgumentException("scales must be in [0, " + FixedPoint.MAX_SCALE + "]");
        }
    }

    /**
     * The instrument for a user-written symbol such as {@code btc-usd} or {@code BTC-USD}, at the default scales.
     *
     * @throws IllegalArgumentException if the symbol is not {@code BASE-QUOTE}
     */
    public static Instrument of(String symbol) {
        String normalized = symbol.trim().toUpperCase(Locale.ROOT);
        var matcher = SYMBOL.matcher(normalized);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("symbol '" + symbol + "' is not of the form BASE-QUOTE, e.g. BTC-USD");
        }
        return new Instrument(normalized, matcher.group(1), matcher.group(2), DEFAULT_PRICE_SCALE, DEFAULT_SIZE_SCALE);
    }

    /** Parses a price at this instrument's scale; returns a negative {@link FixedPoint} error code on bad text. */
    public long parsePrice(CharSequence text) {
        return FixedPoint.parse(text, priceScale);
    }

    /** Parses a size at this instrument's scale; returns a negative {@link FixedPoint} error code on bad text. */
    public long parseSize(CharSequence text) {
        return FixedPoint.parse(text, sizeScale);
    }

    /**
     * The symbol's hash, which the string keeps once computed: instruments key the maps that every book update looks up
     * (the simulator's, the dialects' subscriptions), and a record's generated hash combines all five components
     * through method handles, which is slow until the JIT has compiled them, long after start on a busy machine.
     * Equal instruments have equal symbols, so equal hashes.
     */
    @Override
    public int hashCode() {
        return symbol.hashCode();
    }

    @Override
    public String toString() {
        return symbol;
    }
}
