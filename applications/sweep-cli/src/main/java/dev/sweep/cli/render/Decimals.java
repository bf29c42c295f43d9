package dev.sweep.cli.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How decimals are written in every output: plain digits, never exponents. */
final class Decimals {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {
    }

    /** An exact value, without trailing fractional zeros: {@code 1005018.05}. */
    static String exact(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** A value already rounded to its display scale, which is kept: {@code 67001.2031}, {@code 12.40}. */
    static String rounded(BigDecimal value) {
        return value.toPlainString();
    }

    /** A fraction as a percentage with two decimals: {@code 0.433333} → {@code 43.33%}. */
    static String percent(BigDecimal fraction) {
        return fraction.multiply(HUNDRED).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    /** A fee fraction as a percentage, exactly: {@code 0.0026} → {@code 0.26%}. */
    static String feePercent(BigDecimal fraction) {
        return feePercentNumber(fraction) + "%";
    }

    /** A fee fraction as the number of a percentage, exactly: {@code 0.0026} → {@code 0.26}. */
    static String feePercentNumber(BigDecimal fraction) {
        return exact(fraction.multiply(HUNDRED));
    }
}
