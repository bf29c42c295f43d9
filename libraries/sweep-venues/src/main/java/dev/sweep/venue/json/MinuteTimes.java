package dev.sweep.venue.json;

/**
 * Reads the timestamps of a venue's messages ({@code 2023-10-06T17:35:55.440295Z}), which within a minute differ only
 * in their seconds and fraction: the first of a minute is read whole by {@link VenueTimes}, and the time at which that
 * minute starts is kept, so that the next ones of the same minute are its seconds and fraction added to it.
 *
 * <p>Only what {@link VenueTimes#isoNanos} reads the same way is added up here: the same minute, written byte for
 * byte as the one kept, then two digits of seconds up to 59, an optional fraction of 1 to 9 digits, and {@code Z}.
 * Every other string is read whole, as the general reader reads it. Not thread-safe: one per decoder.
 *
 * <p>A string of the kept minute is also read without first looking for its end ({@link #readKept}): its closing quote
 * is where the {@code Z} after its seconds and fraction is.
 */
public final class MinuteTimes {

    /** {@code YYYY-MM-DDTHH:MM:}, the part of a timestamp that names its minute. */
    private static final int MINUTE = 17;
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long[] FRACTION_SCALE = {0, 100_000_000L, 10_000_000L, 1_000_000L, 100_000L, 10_000L,
            1_000L, 100L, 10L, 1L};

    /** Reads a timestamp whole, as a JSON string, exactly as the general reader does. */
    private final JsonCursor cursor = new JsonCursor();
    /** The kept minute's seventeen bytes: its first eight, its next eight, and its last byte. */
    private long minuteHead;
    private long minuteMiddle;
    private byte minuteLast;
    /** When the kept minute starts, in nanoseconds since 1970; -1 while none is kept. */
    private long minuteNanos = -1;
    /** What the last {@link #readKept} that succeeded read: the time, and where the string's closing quote is. */
    private long keptNanos;
    private int keptClose;

    /**
     * Reads the JSON string whose opening quote is at {@code quote}, within {@code frame[quote, end)}, when it is a
     * time of the kept minute written as {@link #read} adds it up, {@code Z} and the closing quote right after its
     * seconds and fraction: then true, with its time in {@link #keptNanos} and its closing quote at
     * {@link #keptClose}, as {@link #read} would have read it. False for any other string, whose end is then to be
     * found and read by {@link #read}.
     */
    public boolean readKept(byte[] frame, int quote, int end) {
        int start = quote + 1;
        // The minute, two digits of seconds, Z and the closing quote at least.
        if (minuteNanos < 0 || end - start < MINUTE + 4 || !isKeptMinute(frame, start)) {
            return false;
        }
        int zone = start + MINUTE + 2;
        if (frame[zone] == '.') {
            do {
                zone++;
            } while (zone < end && frame[zone] >= '0' && frame[zone] <= '9');
        }
        if (zone + 1 >= end || frame[zone] != 'Z' || frame[zone + 1] != '"') {
            return false;
        }
        long withinMinute = withinMinute(frame, start + MINUTE, zone + 1);
        if (withinMinute < 0) {
            return false;
        }
        keptNanos = minuteNanos + withinMinute;
        keptClose = zone + 1;
        return true;
    }

    /** The time the last {@link #readKept} that returned true read. */
    public long keptNanos() {
        return keptNanos;
    }

    /** Where the closing quote of the string the last {@link #readKept} that returned true read is. */
    public int keptClose() {
        return keptClose;
    }

    /**
     * Whether the {@link #MINUTE} bytes at {@code start}, which must lie in the frame, are the kept minute's: all
     * seventeen are compared, as two words and a byte.
     */
    private boolean isKeptMinute(byte[] frame, int start) {
        return Words.at(frame, start) == minuteHead && Words.at(frame, start + Words.SIZE) == minuteMiddle
                && frame[start + MINUTE - 1] == minuteLast;
    }

    /**
     * The time of the JSON string {@code frame[quote, close]}, its quotes included, which holds no escape and no
     * control character: nanoseconds since 1970, or {@link VenueTimes#INVALID} when it is no time.
     */
    public long read(byte[] frame, int quote, int close) {
        int start = quote + 1;
        int length = close - start;
        // The string is at least 20 bytes long and its quote follows, so the minute's words lie in the frame.
        if (minuteNanos >= 0 && length >= MINUTE + 3 && isKeptMinute(frame, start)) {
            long withinMinute = withinMinute(frame, start + MINUTE, close);
            if (withinMinute >= 0) {
                return minuteNanos + withinMinute;
            }
        }
        cursor.wrap(frame, quote, close + 1 - quote);
        cursor.next();
        long nanos = cursor.tokenIsoNanos();
        if (nanos == VenueTimes.INVALID) {
            return VenueTimes.INVALID;
        }
        long withinMinute = length >= MINUTE + 3 ? withinMinute(frame, start + MINUTE, close) : -1;
        // A minute within a minute of the last time a long holds could not take every second added to it.
        if (withinMinute >= 0 && nanos - withinMinute <= Long.MAX_VALUE - 60 * NANOS_PER_SECOND) {
            minuteHead = Words.at(frame, start);
            minuteMiddle = Words.at(frame, start + Words.SIZE);
            minuteLast = frame[start + MINUTE - 1];
            minuteNanos = nanos - withinMinute;
        }
        return nanos;
    }

    /**
     * The nanoseconds of {@code SS[.fraction]Z} in {@code frame[from, to)}, or -1 when it is written any other way.
     */
    private static long withinMinute(byte[] frame, int from, int to) {
        int tens = frame[from] - '0';
        int units = frame[from + 1] - '0';
        if (tens < 0 || tens > 5 || units < 0 || units > 9 || frame[to - 1] != 'Z') {
            return -1;
        }
        long nanos = (tens * 10L + units) * NANOS_PER_SECOND;
        int fractionStart = from + 3;
        if (from + 2 == to - 1) {
            return nanos;
        }
        int digits = to - 1 - fractionStart;
        if (frame[from + 2] != '.' || digits < 1 || digits > MAX_FRACTION_DIGITS) {
            return -1;
        }
        long fraction = 0;
        for (int i = fractionStart; i < to - 1; i++) {
            int digit = frame[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            fraction = fraction * 10 + digit;
        }
        return nanos + fraction * FRACTION_SCALE[digits];
    }
}
