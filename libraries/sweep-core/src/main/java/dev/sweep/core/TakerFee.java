package dev.sweep.core;

import java.math.BigDecimal;

/**
 * A taker fee rate as a fixed-point fraction of the notional at {@link #SCALE} decimals: 0.26% is
 * {@code 260_000} (0.0026 × 10^8). Exact for any rate a venue publishes, and small enough that a price times
 * {@code (10^8 ± fee)} is compared exactly in 128 bits.
 */
public final class TakerFee {

    /** Decimal places of the fee fraction. */
    public static final int SCALE = 8;

    /** 100% at {@link #SCALE}: the unit a fee is added to or taken from. */
    public static final long ONE = 100_000_000L;

    /** No fee. */
    public static final long NONE = 0;

    private TakerFee() {
    }

    /**
     * Parses a fee written with its unit: a percentage such as {@code "0.26%"} or basis points such as
     * {@code "26bps"} (both 0.0026 of the notional). A bare number is rejected: {@code 0.004} is 0.4 % to some readers
     * and 0.004 % to others.
     *
     * @throws IllegalArgumentException with a one-line reason when the text is not such a rate below 100 %
     */
    public static long parse(String text) {
        int scale;
        String digits;
        if (text.endsWith("%")) {
            scale = SCALE - 2;
            digits = text.substring(0, text.length() - 1);
        } else if (text.endsWith("bps")) {
            scale = SCALE - 4;
            digits = text.substring(0, text.length() - 3);
        } else if (FixedPoint.parse(text, SCALE) >= 0) {
            throw new IllegalArgumentException("fee '" + text + "' needs a unit: " + text
                    + "% for a percentage, or basis points such as 26bps");
        } else {
            throw new IllegalArgumentException("fee '" + text + "' is not a rate like 0.26% or 26bps");
        }
        long fee = FixedPoint.parse(digits, scale);
        if (fee < 0) {
            throw new IllegalArgumentException("fee '" + text + "' is not a rate like 0.26% or 26bps: "
                    + FixedPoint.describe(fee, scale));
        }
        if (fee >= ONE) {
            throw new IllegalArgumentException("fee '" + text + "' must be below 100%");
        }
        return fee;
    }

    /** The fee as a fraction, exactly ({@code 0.0026}). */
    public static BigDecimal toFraction(long fee) {
        return FixedPoint.toBigDecimal(fee, SCALE);
    }

    /** The fee as a percentage for display ({@code "0.26%"}). */
    public static String toPercent(long fee) {
        return FixedPoint.format(fee, SCALE - 2) + "%";
    }

    /**
     * What one unit of notional is worth to the taker after the fee, at {@link #SCALE}: a buyer pays
     * {@code 1 + fee}, a seller receives {@code 1 − fee}.
     */
    public static long takerMultiplier(OrderSide side, long fee) {
        return side == OrderSide.BUY ? ONE + fee : ONE - fee;
    }
}
