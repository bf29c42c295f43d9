package dev.sweep.report.render;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** How decimals are written in every output: plain digits, never exponents. */
final class Decimals {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The text of each thread that writes documents, reused value after value. */
    private static final ThreadLocal<Text> TEXT = ThreadLocal.withInitial(Text::new);

    private Decimals() {
    }

    /**
     * An exact value, without trailing fractional zeros: {@code 1005018.05}, what
     * {@code stripTrailingZeros().toPlainString()} writes. A value of at most 38 digits and 38 decimals, nearly every
     * one, is written from its digits ({@link Text}); a larger one's zeros are cut from its text rather than divided
     * away, which would take a division of the whole number per zero.
     */
    static String exact(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        Text text = TEXT.get();
        if (text.write(value, true)) {
            return text.toString();
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

    /** Writes {@link #exact(BigDecimal)}'s text as a JSON string, with no text made for it when it can. */
    static void writeExact(JsonGenerator json, BigDecimal value) throws IOException {
        Text text = TEXT.get();
        if (text.write(value, true)) {
            text.writeTo(json);
        } else {
            json.writeString(exact(value));
        }
    }

    /** A value already rounded to its display scale, which is kept: {@code 67001.2031}, {@code 12.40}. */
    static String rounded(BigDecimal value) {
        return value.toPlainString();
    }

    /** Writes {@link #rounded(BigDecimal)}'s text as a JSON string, with no text made for it when it can. */
    static void writeRounded(JsonGenerator json, BigDecimal value) throws IOException {
        Text text = TEXT.get();
        if (text.write(value, false)) {
            text.writeTo(json);
        } else {
            json.writeString(rounded(value));
        }
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

    /**
     * A decimal's plain text, written into an array kept for the next: the digits of its unscaled value, at most 128
     * bits, taken nine at a time by dividing 32 bits at a time by 10^9 (a partial remainder, below 10^9 < 2^30,
     * shifted by 32 bits, stays within a long), then the point and the sign put in place.
     */
    private static final class Text {

        private static final int MAX_SCALE = 38;
        private static final long BILLION = 1_000_000_000L;
        private static final int BILLION_DIGITS = 9;
        private static final long LOW_32_BITS = 0xFFFF_FFFFL;
        /** The digits of 00 to 99, two by two: a division by 100 writes two digits. */
        private static final char[] PAIRS = pairs();
        /** Digits of 2^128 (39), a point, zeros after it up to the largest scale, and a sign, with room to spare. */
        private final char[] chars = new char[2 * MAX_SCALE + 16];
        private int start;
        private int end;

        /**
         * Writes the value's text: without trailing fractional zeros if {@code stripZeros}, else at its scale.
         *
         * @return false, writing nothing, when its scale is out of [0, {@value #MAX_SCALE}] or its unscaled value
         *         takes more than 127 bits
         */
        boolean write(BigDecimal value, boolean stripZeros) {
            int scale = value.scale();
            if (scale < 0 || scale > MAX_SCALE) {
                return false;
            }
            BigInteger unscaled = value.unscaledValue();
            boolean negative = unscaled.signum() < 0;
            BigInteger magnitude = negative ? unscaled.negate() : unscaled;
            int bits = magnitude.bitLength();
            if (bits > 127) {
                return false;
            }
            long high = bits > 63 ? magnitude.shiftRight(64).longValue() : 0;
            long low = magnitude.longValue();
            int decimals = scale;
            if (stripZeros && bits > 0 && bits <= 63) {
                // Zeros divided away before the digits are written, rather than written and then cut.
                while (decimals > 0 && low % 10 == 0) {
                    low /= 10;
                    decimals--;
                }
            }
            end = chars.length;
            start = digits(high, low);
            if (stripZeros && magnitude.signum() == 0) {
                // Its one digit, a zero, is the whole text.
                decimals = 0;
            } else if (stripZeros) {
                while (decimals > 0 && chars[end - 1] == '0') {
                    end--;
                    decimals--;
                }
            }
            int count = end - start;
            if (decimals > 0 && count > decimals) {
                System.arraycopy(chars, start, chars, start - 1, count - decimals);
                start--;
                chars[end - decimals - 1] = '.';
            } else if (decimals > 0) {
                for (int i = count; i < decimals; i++) {
                    chars[--start] = '0';
                }
                chars[--start] = '.';
                chars[--start] = '0';
            }
            if (negative) {
                chars[--start] = '-';
            }
            return true;
        }

        /** Writes the digits of the unsigned 128-bit {@code high:low} to end at {@link #end}; returns their start. */
        private int digits(long high, long low) {
            int at = end;
            while (high != 0 || low < 0) {
                long part = high >>> 32;
                long q3 = part / BILLION;
                part = (part % BILLION) << 32 | high & LOW_32_BITS;
                long q2 = part / BILLION;
                part = (part % BILLION) << 32 | low >>> 32;
                long q1 = part / BILLION;
                part = (part % BILLION) << 32 | low & LOW_32_BITS;
                long q0 = part / BILLION;
                long nine = part % BILLION;
                high = q3 << 32 | q2;
                low = q1 << 32 | q0;
                for (int i = 0; i < BILLION_DIGITS; i++) {
                    chars[--at] = (char) ('0' + nine % 10);
                    nine /= 10;
                }
            }
            while (low >= 100) {
                int pair = 2 * (int) (low % 100);
                low /= 100;
                chars[--at] = PAIRS[pair + 1];
                chars[--at] = PAIRS[pair];
            }
            if (low >= 10) {
                chars[--at] = PAIRS[2 * (int) low + 1];
                chars[--at] = PAIRS[2 * (int) low];
            } else {
                chars[--at] = (char) ('0' + low);
            }
            return at;
        }

        private static char[] pairs() {
            char[] pairs = new char[200];
            for (int i = 0; i < 100; i++) {
                pairs[2 * i] = (char) ('0' + i / 10);
                pairs[2 * i + 1] = (char) ('0' + i % 10);
            }
            return pairs;
        }

        void writeTo(JsonGenerator json) throws IOException {
            json.writeString(chars, start, end - start);
        }

        @Override
        public String toString() {
            return new String(chars, start, end - start);
        }
    }
}
