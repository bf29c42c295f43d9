package dev.sweep.venue.json;

import java.time.Instant;

/**
 * The times venues put on their messages, read as nanoseconds since 1970-01-01T00:00Z without allocating: an
 * RFC 3339 timestamp (Coinbase's {@code 2023-02-09T20:32:50.714964855Z}, Kraken's {@code 2023-10-06T17:35:55.440295Z}),
 * or milliseconds since 1970 (Binance's {@code E}, Bybit's and OKX's {@code ts}).
 *
 * <p>A time that cannot be read is {@link #INVALID}, never an exception: a venue's time is what it says of its
 * message, not part of the book, and a decoder records it as unknown rather than rejecting the frame over it.
 */
public final class VenueTimes {

    /** Not a time this class reads: malformed, before 1970, or past what a long holds in nanoseconds (2262). */
    public static final long INVALID = -1;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    /** The last second whose nanoseconds, with any fraction, still fit in a long. */
    private static final long MAX_SECONDS = (Long.MAX_VALUE - (NANOS_PER_SECOND - 1)) / NANOS_PER_SECOND;
    /** {@code YYYY-MM-DDTHH:MM:SSZ}, the shortest form read. */
    private static final int SHORTEST = 20;
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final long SECONDS_PER_DAY = 86_400;
    /** 9999-12-31T23:59:59Z: the last second written in four digits of year. */
    private static final long LAST_SECOND_OF_9999 = 253_402_300_799L;

    private VenueTimes() {
    }

    /**
     * An RFC 3339 date-time in nanoseconds since 1970: {@code YYYY-MM-DDTHH:MM:SS}, an optional fraction of 1 to 9
     * digits, then {@code Z} or an offset {@code +HH:MM} / {@code -HH:MM}. Upper-case {@code T} and {@code Z} only,
     * as every venue writes them; no leap second (60), which no venue sends and nanoseconds since 1970 cannot hold.
     *
     * @return the time, or {@link #INVALID}
     */
    public static long isoNanos(CharSequence text) {
        int length = text.length();
        if (length < SHORTEST) {
            return INVALID;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || year < 0 || month < 1 || month > 12 || day < 1
                || day > daysInMonth(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return INVALID;
        }
        int position = 19;
        long fraction = 0;
        if (text.charAt(position) == '.') {
            int start = ++position;
            while (position < length && isDigit(text.charAt(position))) {
                if (position - start == MAX_FRACTION_DIGITS) {
                    return INVALID; // finer than a nanosecond: not a time a long of nanoseconds can hold exactly
                }
                fraction = fraction * 10 + (text.charAt(position++) - '0');
            }
            if (position == start) {
                return INVALID;
            }
            for (int digit = position - start; digit < MAX_FRACTION_DIGITS; digit++) {
                fraction *= 10;
            }
        }
        long offsetSeconds = offsetSeconds(text, position);
        if (offsetSeconds == Long.MIN_VALUE) {
            return INVALID;
        }
        long seconds = daysSince1970(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second
                - offsetSeconds;
        if (seconds < 0 || seconds > MAX_SECONDS) {
            return INVALID;
        }
        return seconds * NANOS_PER_SECOND + fraction;
    }

    /**
     * Milliseconds since 1970 in nanoseconds.
     *
     * @return the time, or {@link #INVALID} for a negative count or one past what a long holds in nanoseconds
     */
    public static long millisToNanos(long millis) {
        if (millis < 0 || millis > Long.MAX_VALUE / NANOS_PER_MILLI) {
            return INVALID;
        }
        return millis * NANOS_PER_MILLI;
    }

    /**
     * Appends an instant as {@link Instant#toString} writes it ({@code 2023-10-06T17:35:55.440295Z}: UTC, the
     * fraction in groups of three digits, as many as it needs, none when it is zero), without going through a
     * {@code DateTimeFormatter}: the simulator times every frame of its Kraken and Coinbase streams so. Instants before
     * 1970 or after 9999 are written by {@code Instant} itself.
     */
    public static StringBuilder appendIso(StringBuilder out, long epochSecond, int nano) {
        if (epochSecond < 0 || epochSecond > LAST_SECOND_OF_9999) {
            return out.append(Instant.ofEpochSecond(epochSecond, nano));
        }
        long days = epochSecond / SECONDS_PER_DAY;
        int secondOfDay = (int) (epochSecond % SECONDS_PER_DAY);
        // H. Hinnant's civil_from_days, for days on or after 1970-01-01.
        long shifted = days + 719_468;
        long era = shifted / 146_097;
        long dayOfEra = shifted - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthIndex = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        int month = (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        appendDigits(out, year, 4).append('-');
        appendDigits(out, month, 2).append('-');
        appendDigits(out, day, 2).append('T');
        appendDigits(out, secondOfDay / 3_600, 2).append(':');
        appendDigits(out, secondOfDay / 60 % 60, 2).append(':');
        appendDigits(out, secondOfDay % 60, 2);
        if (nano != 0) {
            out.append('.');
            if (nano % 1_000_000 == 0) {
                appendDigits(out, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                appendDigits(out, nano / 1_000, 6);
            } else {
                appendDigits(out, nano, 9);
            }
        }
        return out.append('Z');
    }

    /** Appends a non-negative value in exactly {@code count} digits, with leading zeros. */
    private static StringBuilder appendDigits(StringBuilder out, int value, int count) {
        int divisor = 1;
        for (int i = 1; i < count; i++) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
        return out;
    }

    /** The zone offset that ends the text at {@code position}, in seconds east of UTC; Long.MIN_VALUE if malformed. */
    private static long offsetSeconds(CharSequence text, int position) {
        int length = text.length();
        char sign = position < length ? text.charAt(position) : 0;
        if (sign == 'Z') {
            return position + 1 == length ? 0 : Long.MIN_VALUE;
        }
        if ((sign != '+' && sign != '-') || position + 6 != length || text.charAt(position + 3) != ':') {
            return Long.MIN_VALUE;
        }
        int hours = digits(text, position + 1, 2);
        int minutes = digits(text, position + 4, 2);
        if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
            return Long.MIN_VALUE;
        }
        long seconds = hours * 3_600L + minutes * 60L;
        return sign == '+' ? seconds : -seconds;
    }

    /** The {@code count} decimal digits at {@code start}, or -1 when one is not a digit. */
    private static int digits(CharSequence text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
    private static long daysSince1970(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
