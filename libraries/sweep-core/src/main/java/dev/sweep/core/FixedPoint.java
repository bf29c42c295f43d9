package dev.sweep.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact decimal text to scaled {@code long} and back.
 *
 * <p>A value {@code v} at scale {@code s} stands for {@code v / 10^s}: {@code "67050.1"} at scale 8 is
 * {@code 6_705_010_000_000L}. Parsing never goes through {@code double} or {@code BigDecimal}, so it is exact and
 * allocates nothing. {@link #parse} accepts the unsigned subset of a JSON number without exponent:
 * {@code digits [ "." digits ]}; {@link #parseScientific} also accepts an exponent, {@code [ ("e"|"E") ["+"|"-"]
 * digits ]}, for venues that write {@code 1.7e-7}. Digits beyond the scale are accepted only when they are zeros,
 * because dropping them loses nothing; any other digit there would make the value inexact and is rejected.
 *
 * <p>Errors are returned as negative codes rather than thrown, so decoders on the hot path can reject a frame
 * without allocating; {@link #describe(long)} turns a code into a reason for the log or the user.
 */
public final class FixedPoint {

    /** The text is empty. */
    public static final long EMPTY = -1;
    /** The text starts with a sign: prices and sizes are never signed on the wire. */
    public static final long SIGNED = -2;
    /** The text uses exponent notation. */
    public static final long EXPONENT = -3;
    /** The text holds a character that is not a digit or a single decimal point. */
    public static final long NOT_A_NUMBER = -4;
    /** The text has non-zero digits beyond the scale. */
    public static final long TOO_PRECISE = -5;
    /** The value does not fit in a {@code long} at the scale. */
    public static final long OVERFLOW = -6;
    /** The text has a decimal point without digits on both sides. */
    public static final long MISSING_DIGITS = -7;

    /** The largest scale supported: 10^18 is the largest power of ten that fits in a {@code long}. */
    public static final int MAX_SCALE = 18;

    private static final long[] POWERS_OF_TEN = new long[MAX_SCALE + 1];
    /** {@code Long.MAX_VALUE / 10^i}: the largest value that can be scaled up by {@code 10^i}, without dividing. */
    private static final long[] MAX_BEFORE_SCALING = new long[MAX_SCALE + 1];
    /** Above this, one more digit overflows; at it, only digits up to 7 fit. */
    private static final long MAX_BEFORE_DIGIT = Long.MAX_VALUE / 10;
    private static final int MAX_LAST_DIGIT = (int) (Long.MAX_VALUE % 10);

    static {
        long power = 1;
        for (int i = 0; i <= MAX_SCALE; i++) {
            POWERS_OF_TEN[i] = power;
            MAX_BEFORE_SCALING[i] = Long.MAX_VALUE / power;
            power *= 10;
        }
    }

    private FixedPoint() {
    }

    /** Returns 10^exponent for 0 ≤ exponent ≤ {@link #MAX_SCALE}. */
    public static long powerOfTen(int exponent) {
        return POWERS_OF_TEN[exponent];
    }

    /**
     * Parses decimal text at the given scale.
     *
     * @return the scaled value (≥ 0), or one of the negative error codes of this class
     */
    public static long parse(CharSequence text, int scale) {
        return parse(text, 0, text.length(), scale);
    }

    /** Parses {@code text[start, end)}; see {@link #parse(CharSequence, int)}. */
    public static long parse(CharSequence text, int start, int end, int scale) {
        checkScale(scale);
        if (start >= end) {
            return EMPTY;
        }
        long value = 0;
        int integerDigits = 0;
        int fractionDigits = 0;
        boolean inFraction = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                int digit = c - '0';
                if (inFraction) {
                    fractionDigits++;
                    if (fractionDigits > scale) {
                        if (digit != 0) {
                            return TOO_PRECISE;
                        }
                        continue;
                    }
                } else {
                    integerDigits++;
                }
                // Compared with constants: a division per digit would dominate the parse.
                if (value >= MAX_BEFORE_DIGIT && (value > MAX_BEFORE_DIGIT || digit > MAX_LAST_DIGIT)) {
                    return OVERFLOW;
                }
                value = value * 10 + digit;
            } else if (c == '.' && !inFraction) {
                if (integerDigits == 0) {
                    return MISSING_DIGITS;
                }
                inFraction = true;
            } else {
                return classify(c, i == start);
            }
        }
        if (inFraction && fractionDigits == 0) {
            return MISSING_DIGITS;
        }
        return rescale(value, Math.min(fractionDigits, scale), scale);
    }

    /**
     * Parses decimal text in plain or exponent form ({@code 1.7e-7}, {@code 1E+2}) at the given scale, exactly: the
     * value is {@code digits × 10^(exponent − fraction digits)}, scaled by moving the point, never by arithmetic on
     * an approximation. Rejected as {@link #TOO_PRECISE} when a non-zero digit would land beyond the scale, as
     * {@link #OVERFLOW} when the scaled value does not fit in a long, whatever the size of the exponent.
     *
     * @return the scaled value (≥ 0), or one of the negative error codes of this class
     */
    public static long parseScientific(CharSequence text, int scale) {
        checkScale(scale);
        int end = text.length();
        if (end == 0) {
            return EMPTY;
        }
        // The digits without their trailing zeros, and how many trailing zeros were set aside: a zero only joins
        // the value when a non-zero digit follows it, so that zeros the scale drops never overflow it.
        long significand = 0;
        int pendingZeros = 0;
        boolean tooManyDigits = false;
        int integerDigits = 0;
        int fractionDigits = 0;
        boolean inFraction = false;
        int i = 0;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (inFraction) {
                    fractionDigits++;
                } else {
                    integerDigits++;
                }
                if (c == '0') {
                    pendingZeros += significand == 0 && !tooManyDigits ? 0 : 1;
                    continue;
                }
                if (!tooManyDigits) {
                    long shifted = timesPowerOfTen(significand, pendingZeros + 1);
                    tooManyDigits = shifted < 0 || shifted > Long.MAX_VALUE - (c - '0');
                    significand = tooManyDigits ? significand : shifted + (c - '0');
                }
                pendingZeros = 0;
            } else if (c == '.' && !inFraction) {
                if (integerDigits == 0) {
                    return MISSING_DIGITS;
                }
                inFraction = true;
            } else if ((c == 'e' || c == 'E') && integerDigits > 0) {
                break;
            } else {
                return i == 0 && (c == '-' || c == '+') ? SIGNED : NOT_A_NUMBER;
            }
        }
        if (inFraction && fractionDigits == 0) {
            return MISSING_DIGITS;
        }
        long exponent = 0;
        if (i < end) {
            exponent = exponent(text, i + 1, end);
            if (exponent == NO_EXPONENT) {
                return NOT_A_NUMBER;
            }
        }
        if (significand == 0 && !tooManyDigits) {
            return 0;
        }
        // The last non-zero digit moves this many places left of the point at the scale (negative: right of it).
        long shift = exponent - fractionDigits + scale + pendingZeros;
        if (shift < 0) {
            return TOO_PRECISE;
        }
        if (tooManyDigits || shift > MAX_SCALE) {
            return OVERFLOW;
        }
        long scaled = timesPowerOfTen(significand, (int) shift);
        return scaled < 0 ? OVERFLOW : scaled;
    }

    /** Stands for an exponent without digits, or with something after them. */
    private static final long NO_EXPONENT = Long.MIN_VALUE;
    /** Beyond this, an exponent moves any digit out of every scale: it is held here rather than overflowing. */
    private static final long EXPONENT_LIMIT = 1_000_000;

    /** The exponent written in {@code text[start, end)}, as {@code [+|-] digits}, held within ±{@link #EXPONENT_LIMIT}. */
    private static long exponent(CharSequence text, int start, int end) {
        int i = start;
        boolean negative = i < end && text.charAt(i) == '-';
        if (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        if (i == end) {
            return NO_EXPONENT;
        }
        long exponent = 0;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return NO_EXPONENT;
            }
            exponent = Math.min(EXPONENT_LIMIT, exponent * 10 + (c - '0'));
        }
        return negative ? -exponent : exponent;
    }

    /** {@code value × 10^exponent}, or -1 when it does not fit in a long. */
    private static long timesPowerOfTen(long value, int exponent) {
        if (value == 0) {
            return 0;
        }
        if (exponent > MAX_SCALE || value > MAX_BEFORE_SCALING[exponent]) {
            return -1;
        }
        return value * POWERS_OF_TEN[exponent];
    }

    /**
     * Parses decimal text at the given scale, for edges where an exception is the right answer (user input, files).
     *
     * @throws IllegalArgumentException with a one-line reason naming the text
     */
    public static long parseOrThrow(CharSequence text, int scale) {
        long value = parse(text, scale);
        if (value < 0) {
            throw new IllegalArgumentException("'" + abbreviate(text) + "' is not a valid amount: " + describe(value, scale));
        }
        return value;
    }

    /** The reason for an error code returned by {@code parse}. */
    public static String describe(long errorCode) {
        return describe(errorCode, -1);
    }

    /** The reason for an error code returned by {@code parse} at the given scale, naming the scale where it matters. */
    public static String describe(long errorCode, int scale) {
        if (errorCode == EMPTY) {
            return "empty";
        } else if (errorCode == SIGNED) {
            return "signs are not allowed (amounts are positive decimals)";
        } else if (errorCode == EXPONENT) {
            return "exponent notation is not allowed";
        } else if (errorCode == NOT_A_NUMBER) {
            return "not a decimal number";
        } else if (errorCode == TOO_PRECISE) {
            return scale < 0 ? "too many decimal places" : "more than " + scale + " decimal places";
        } else if (errorCode == OVERFLOW) {
            return "too large";
        } else if (errorCode == MISSING_DIGITS) {
            return "a decimal point needs digits on both sides";
        }
        throw new IllegalArgumentException("not an error code: " + errorCode);
    }

    /** Formats a scaled value as plain decimal text without trailing fractional zeros ({@code "67050.1"}). */
    public static String format(long value, int scale) {
        return appendPlain(new StringBuilder(24), value, scale).toString();
    }

    /**
     * Appends a scaled value as {@link #format} writes it, without creating a {@code BigDecimal}: the simulator writes
     * every level of its venues' frames so.
     */
    public static StringBuilder appendPlain(StringBuilder out, long value, int scale) {
        if (scale < 0 || scale > MAX_SCALE || value == Long.MIN_VALUE) {
            // Beyond the powers of ten kept here, or without a positive counterpart: rare enough to take the long way.
            return out.append(toBigDecimal(value, scale).stripTrailingZeros().toPlainString());
        }
        if (value < 0) {
            out.append('-');
        }
        long magnitude = Math.abs(value);
        long unit = POWERS_OF_TEN[scale];
        out.append(magnitude / unit);
        long fraction = magnitude % unit;
        if (fraction != 0) {
            int decimals = scale;
            while (fraction % 10 == 0) {
                fraction /= 10;
                decimals--;
            }
            out.append('.');
            for (int zeros = decimals - digits(fraction); zeros > 0; zeros--) {
                out.append('0');
            }
            out.append(fraction);
        }
        return out;
    }

    /** Decimal digits of a positive value. */
    private static int digits(long value) {
        int digits = 1;
        while (digits <= MAX_SCALE && value >= POWERS_OF_TEN[digits]) {
            digits++;
        }
        return digits;
    }

    /**
     * Appends a scaled value with exactly {@code decimals} fractional digits ({@code 45281.0}, {@code 0.10000000}), as
     * venues write them, without creating a {@code BigDecimal}.
     *
     * @throws IllegalArgumentException if {@code decimals} would drop non-zero digits of the value
     */
    public static StringBuilder append(StringBuilder out, long value, int scale, int decimals) {
        checkScale(decimals);
        if (value < 0) {
            throw new IllegalArgumentException("negative value: " + value);
        }
        long digits = value;
        if (decimals < scale) {
            long divisor = POWERS_OF_TEN[scale - decimals];
            if (digits % divisor != 0) {
                throw new IllegalArgumentException(value + " at scale " + scale + " has more than " + decimals
                        + " decimals");
            }
            digits /= divisor;
        } else if (decimals > scale) {
            digits = Math.multiplyExact(digits, POWERS_OF_TEN[decimals - scale]);
        }
        long unit = POWERS_OF_TEN[decimals];
        out.append(digits / unit);
        if (decimals > 0) {
            out.append('.');
            String fraction = Long.toString(digits % unit);
            for (int i = fraction.length(); i < decimals; i++) {
                out.append('0');
            }
            out.append(fraction);
        }
        return out;
    }

    /** The exact value of a scaled long. */
    public static BigDecimal toBigDecimal(long value, int scale) {
        return BigDecimal.valueOf(value, scale);
    }

    /**
     * The scaled long for an exact decimal.
     *
     * @throws ArithmeticException if the value has non-zero digits beyond the scale or does not fit
     */
    public static long fromBigDecimal(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    private static long rescale(long value, int digits, int scale) {
        if (value > MAX_BEFORE_SCALING[scale - digits]) {
            return OVERFLOW;
        }
        return value * POWERS_OF_TEN[scale - digits];
    }

    private static long classify(char c, boolean first) {
        if (first && (c == '-' || c == '+')) {
            return SIGNED;
        }
        if (c == 'e' || c == 'E') {
            return EXPONENT;
        }
        return NOT_A_NUMBER;
    }

    private static void checkScale(int scale) {
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be in [0, " + MAX_SCALE + "]: " + scale);
        }
    }

    private static String abbreviate(CharSequence text) {
        return text.length() <= 40 ? text.toString() : text.subSequence(0, 37) + "...";
    }
}
