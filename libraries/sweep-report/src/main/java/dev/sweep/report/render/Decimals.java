package dev.sweep.report.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How decimals are written in every output: plain digits, never exponents. */
final class Decimals {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Digits of a value written from a long: fewer than a long holds, so that its magnitude is one too. */
    private static final int MAX_DIGITS = 18;

    private Decimals() {
    }

    /**
     * An exact value, without trailing fractional zeros: {@code 1005018.05}, what
     * {@code stripTrailingZeros().toPlainString()} writes. A value of at most {@value #MAX_DIGITS} digits is written
     * from its digits as a long; a larger one's zeros are cut from its text rather than divided away: a notional's
     * fees carry 18 decimals, and stripping them from so large a value takes a division of the whole number per zero.
     */
    static String exact(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        if (value.scale() >= 0 && value.scale() <= MAX_DIGITS && value.precision() <= MAX_DIGITS) {
            return exact(value.unscaledValue().longValue(), value.scale());
        }
        String plain = value.toPlainString();
        if (plain.indexOf('.') < 0) {
            return plain;
        }
        int end = plain.length();
        while (plain.charAt(end - 1) == '0') {
            end--;
        }
        return plain.substring(0, plain.charAt(end - 1) == '.' ? end - 1 : end);
    }

    /**
     * {@code unscaled × 10^−scale} as {@link #exact(BigDecimal)} writes it, digit by digit: a price or a size, the most
     * of what a document holds, at a fraction of what {@code toPlainString} takes.
     */
    private static String exact(long unscaled, int scale) {
        long rest = Math.abs(unscaled);
        int decimals = scale;
        while (decimals > 0 && rest % 10 == 0) {
            rest /= 10;
            decimals--;
        }
        char[] text = new char[2 * MAX_DIGITS + 3];
        int at = text.length;
        for (int i = 0; i < decimals; i++) {
            text[--at] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        if (decimals > 0) {
            text[--at] = '.';
        }
        do {
            text[--at] = (char) ('0' + rest % 10);
            rest /= 10;
        } while (rest != 0);
        if (unscaled < 0) {
            text[--at] = '-';
        }
        return new String(text, at, text.length - at);
    }

    /** A value already rounded to its display scale, which is kept: {@code 67001.2031}, {@code 12.40}. */
    static String rounded(BigDecimal value) {
        return value.toPlainString();
    }

    /** A value rounded half-even to {@code decimals}, for reading: {@code 1,005,018.05}. */
    static String readable(BigDecimal value, int decimals) {
        return grouped(value.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString());
    }

    /** An exact value with thousands separators and without trailing fractional zeros: {@code 1,000,000}. */
    static String readableExact(BigDecimal value) {
        return grouped(exact(value));
    }

    /** The decimals a value needs to be written exactly: {@code 12.50} → 1, {@code 1200} → 0. */
    static int places(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
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

    /** Plain digits with a comma between each group of three in the integer part. */
    private static String grouped(String plain) {
        int sign = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        int end = point < 0 ? plain.length() : point;
        StringBuilder text = new StringBuilder(plain.length() + (end - sign) / 3).append(plain, 0, sign);
        for (int i = sign; i < end; i++) {
            if (i > sign && (end - i) % 3 == 0) {
                text.append(',');
            }
            text.append(plain.charAt(i));
        }
        return text.append(plain, end, plain.length()).toString();
    }
}
