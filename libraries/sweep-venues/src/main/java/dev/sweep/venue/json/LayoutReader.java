package dev.sweep.venue.json;

import dev.sweep.core.FixedPoint;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a frame written in one exact layout, in one pass over its bytes: the fixed texts between the values (field
 * names, punctuation) compared eight bytes at a time, numbers read into scaled longs as they are scanned, strings
 * found by their closing quote. It is what a venue's reader of its own documented layout is made of: such a reader
 * stages the frames the venue actually sends without tokenizing them, looking field names up, or reading a number a
 * second time from its token, which is most of what the general reader ({@link JsonCursor}) spends on them.
 *
 * <p>Every method moves on only over what it recognises and says by its result when it does not: the layout reader
 * then stops, and the frame is read the general way, which decides its fate. So only what the general reader reads
 * the same way is read here: no white space, numbers without sign or exponent and with at most
 * {@link #MAX_DIGITS} digits at their scale, strings without escapes or control characters.
 *
 * <p>Not thread-safe; one per decoder, reused for every frame.
 */
public final class LayoutReader {

    /** Stands for "not read here" where the value read may be negative (a time that is no time). */
    public static final long NOT_READ = Long.MIN_VALUE;
    /** Most digits a value may span at its scale (integer digits plus the scale) to be read here without overflow. */
    public static final int MAX_DIGITS = 18;
    /** What {@link #decimalByWords} returns when the number is too near the frame's end to be read a word at a time. */
    private static final long NEAR_END = -2;
    /** Each byte of a word {@code '0'}, {@code 6}, and its high half: for {@link #leadingDigits}. */
    private static final long ZEROS = 0x3030_3030_3030_3030L;
    private static final long SIXES = 0x0606_0606_0606_0606L;
    private static final long HIGH_HALVES = 0xF0F0_F0F0_F0F0_F0F0L;

    private byte[] frame;
    private int position;
    private int end;

    /** Starts reading {@code frame[offset, offset + length)}. */
    public void wrap(byte[] frame, int offset, int length) {
        this.frame = frame;
        this.position = offset;
        this.end = offset + length;
    }

    /** Whether the whole frame was read. */
    public boolean atEnd() {
        return position == end;
    }

    /** Whether {@code c} follows (it is not read). */
    public boolean at(char c) {
        return position < end && frame[position] == c;
    }

    /** Moves past {@code c} if it follows. */
    public boolean skip(char c) {
        if (!at(c)) {
            return false;
        }
        position++;
        return true;
    }

    /** Moves past {@code literal} if it follows. */
    public boolean skip(Literal literal) {
        if (!literal.isAt(frame, position, end)) {
            return false;
        }
        position += literal.length;
        return true;
    }

    /**
     * Moves past one of {@code texts}, each followed by a closing quote, and returns its index: how a symbol is
     * matched. Null entries never match (a text the frame could not hold byte for byte). -1 when none follows.
     */
    public int skipQuoted(byte[][] texts) {
        for (int i = 0; i < texts.length; i++) {
            byte[] text = texts[i];
            if (text != null && end - position > text.length
                    && Arrays.equals(frame, position, position + text.length, text, 0, text.length)
                    && frame[position + text.length] == '"') {
                position += text.length + 1;
                return i;
            }
        }
        return -1;
    }

    /**
     * The number that follows, {@code 0} or digits not starting with 0, then optionally a point and digits, as a long
     * at {@code scale}, read as {@link FixedPoint#parse} reads it; -1 for any other number, for one with non-zero
     * digits beyond the scale, and for one too long to be sure that it fits. A digit, point or exponent right after
     * what was read (as in {@code 0123} or {@code 1e5}) is another number: -1.
     *
     * <p>Its digits are read eight at a time ({@link #decimalByWords}): every price and quantity of every frame is read
     * here. A number too near the frame's end for that is read digit by digit, to the same value.
     */
    public long decimal(int scale) {
        long value = decimalByWords(scale);
        return value != NEAR_END ? value : decimalByDigits(scale);
    }

    /**
     * {@link #decimal} with its digits read eight at a time ({@link #leadingDigits}, {@link #digitsValue}), or
     * {@link #NEAR_END} (without moving) when a word it would read does not lie in the frame.
     */
    private long decimalByWords(int scale) {
        int i = position;
        if (end - i < Words.SIZE) {
            return NEAR_END;
        }
        long word = Words.at(frame, i);
        int digits = leadingDigits(word);
        if (digits == 0) {
            return -1;
        }
        long value = 0;
        if (frame[i] == '0') {
            i++;
        } else {
            int start = i;
            while (true) {
                if (i + digits - start + scale > MAX_DIGITS) {
                    return -1;
                }
                value = value * FixedPoint.powerOfTen(digits) + digitsValue(word, digits);
                i += digits;
                if (digits < Words.SIZE) {
                    break;
                }
                if (end - i < Words.SIZE) {
                    return NEAR_END;
                }
                word = Words.at(frame, i);
                digits = leadingDigits(word);
                if (digits == 0) {
                    break;
                }
            }
        }
        int kept = 0;
        if (frame[i] == '.') {
            int start = ++i;
            do {
                if (end - i < Words.SIZE) {
                    return NEAR_END;
                }
                word = Words.at(frame, i);
                digits = leadingDigits(word);
                int keep = Math.min(digits, scale - kept);
                if (keep == digits) {
                    value = digits == 0 ? value : value * FixedPoint.powerOfTen(digits) + digitsValue(word, digits);
                } else {
                    // Digits beyond the scale must be zeros.
                    long chunk = digitsValue(word, digits);
                    long dropped = FixedPoint.powerOfTen(digits - keep);
                    if (chunk % dropped != 0) {
                        return -1;
                    }
                    value = value * FixedPoint.powerOfTen(keep) + chunk / dropped;
                }
                kept += keep;
                i += digits;
            } while (digits == Words.SIZE);
            if (i == start) {
                return -1;
            }
        }
        if (continuesNumber(i)) {
            return -1;
        }
        position = i;
        return value * FixedPoint.powerOfTen(scale - kept);
    }

    /** {@link #decimal} with its digits read one at a time, for a number near the frame's end. */
    private long decimalByDigits(int scale) {
        int i = position;
        if (i >= end || !isDigit(frame[i])) {
            return -1;
        }
        long value = 0;
        if (frame[i] == '0') {
            i++;
        } else {
            while (i < end && isDigit(frame[i])) {
                value = value * 10 + (frame[i++] - '0');
            }
            if (i - position + scale > MAX_DIGITS) {
                return -1;
            }
        }
        int kept = 0;
        if (i < end && frame[i] == '.') {
            int start = ++i;
            while (i < end && isDigit(frame[i])) {
                int digit = frame[i] - '0';
                if (i - start < scale) {
                    value = value * 10 + digit;
                } else if (digit != 0) {
                    return -1;
                }
                i++;
            }
            if (i == start) {
                return -1;
            }
            kept = Math.min(i - start, scale);
        }
        if (continuesNumber(i)) {
            return -1;
        }
        position = i;
        return value * FixedPoint.powerOfTen(scale - kept);
    }

    /** How many of the word's bytes, from its first, are digits before one that is not: 0 to 8. */
    private static int leadingDigits(long word) {
        // A byte is a digit when its high half is 3 both as it is and with 6 added (0x3A to 0x3F become 0x40 to 0x45).
        // A carry out of a byte comes only from a byte that is not a digit, and spoils only the bytes after it.
        long notDigits = ((word ^ ZEROS) | ((word + SIXES) ^ ZEROS)) & HIGH_HALVES;
        return Long.numberOfTrailingZeros(notDigits) >>> 3;
    }

    /**
     * The value of the first {@code digits} (1 to 8) bytes of the word, which are digits: shifted to the word's end
     * behind zeros, then added up in pairs, fours and eights with three multiplications instead of one per digit.
     */
    private static long digitsValue(long word, int digits) {
        long value = (word - ZEROS) << ((Words.SIZE - digits) * Byte.SIZE);
        value = (value * 10 + (value >>> 8)) & 0x00FF_00FF_00FF_00FFL;
        value = (value * 100 + (value >>> 16)) & 0x0000_FFFF_0000_FFFFL;
        return (value * 10_000 + (value >>> 32)) & 0xFFFF_FFFFL;
    }

    /**
     * The integer that follows, {@code 0} or digits not starting with 0, of at most {@code maxDigits} (up to
     * {@link #MAX_DIGITS}) digits; -1 for anything else, a longer one or one that goes on as another number.
     */
    public long integer(int maxDigits) {
        int i = position;
        if (i >= end || !isDigit(frame[i])) {
            return -1;
        }
        long value = 0;
        if (frame[i] == '0') {
            i++;
        } else {
            while (i < end && isDigit(frame[i]) && i - position < maxDigits) {
                value = value * 10 + (frame[i++] - '0');
            }
        }
        if (continuesNumber(i)) {
            return -1;
        }
        position = i;
        return value;
    }

    /**
     * Moves past the string that follows, quotes included, if it holds no escape and no control character, and
     * returns where its opening quote is; -1 (without moving) for anything else. Its plain run is skipped eight bytes
     * at a time ({@link Words}), as {@link JsonCursor} skips it.
     */
    public int skipPlainString() {
        int quote = position;
        if (quote >= end || frame[quote] != '"') {
            return -1;
        }
        int i = quote + 1;
        while (true) {
            if (i + Words.SIZE <= end) {
                long specials = Words.stringSpecials(Words.at(frame, i));
                if (specials == 0) {
                    i += Words.SIZE;
                    continue;
                }
                i += Words.firstByte(specials);
            }
            if (i >= end) {
                return -1;
            }
            byte c = frame[i];
            if (c == '"') {
                position = i + 1;
                return quote;
            }
            if (c == '\\' || (c >= 0 && c < ' ')) {
                return -1;
            }
            i++;
        }
    }

    /**
     * The time of the string that follows, read as {@link JsonCursor#tokenIsoNanos} reads it, through {@code times}:
     * nanoseconds since 1970, or {@link VenueTimes#INVALID} for a string that is no time; {@link #NOT_READ} when no
     * plain string ({@link #skipPlainString}) follows.
     */
    public long time(MinuteTimes times) {
        // A time of the minute last read is read without first looking for the string's end.
        if (at('"') && times.readKept(frame, position, end)) {
            position = times.keptClose() + 1;
            return times.keptNanos();
        }
        int quote = skipPlainString();
        return quote < 0 ? NOT_READ : times.read(frame, quote, position - 1);
    }

    private boolean continuesNumber(int i) {
        if (i >= end) {
            return false;
        }
        byte c = frame[i];
        return isDigit(c) || c == '.' || c == 'e' || c == 'E';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /**
     * A text's ASCII bytes, when they read the same raw and as a JSON string's content (no quote, escape or control
     * character), for {@link #skipQuoted}; null otherwise.
     */
    public static byte[] plain(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        for (byte b : bytes) {
            if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
                return null;
            }
        }
        return bytes;
    }

    /**
     * A fixed text of a layout, compared with the frame eight bytes at a time: the field names between the values
     * are most of a frame's bytes, and one comparison of a word costs less than a general comparison's set-up.
     */
    public static final class Literal {

        private final int length;
        private final byte[] bytes;
        /** The words before the last; the last eight bytes (overlapping them), or a short text zero-padded. */
        private final long[] words;
        private final long last;
        private final long firstMask;

        private Literal(String text) {
            bytes = text.getBytes(StandardCharsets.US_ASCII);
            length = bytes.length;
            byte[] padded = Arrays.copyOf(bytes, Math.max(Words.SIZE, length));
            words = new long[Math.max(0, (length - 1) / Words.SIZE)];
            for (int i = 0; i < words.length; i++) {
                words[i] = Words.at(padded, i * Words.SIZE);
            }
            last = length >= Words.SIZE ? Words.at(padded, padded.length - Words.SIZE) : Words.at(padded, 0);
            firstMask = length >= Words.SIZE ? -1L : (1L << (length * Byte.SIZE)) - 1;
        }

        /** The text, ASCII. */
        public static Literal of(String text) {
            return new Literal(text);
        }

        boolean isAt(byte[] frame, int position, int end) {
            if (end - position < length) {
                return false;
            }
            if (length < Words.SIZE) {
                return position + Words.SIZE <= end ? (Words.at(frame, position) & firstMask) == last
                        : Arrays.equals(frame, position, position + length, bytes, 0, length);
            }
            // Word by word, the last word ending with the text (overlapping the one before it).
            for (int i = 0; i < words.length; i++) {
                if (Words.at(frame, position + i * Words.SIZE) != words[i]) {
                    return false;
                }
            }
            return Words.at(frame, position + length - Words.SIZE) == last;
        }
    }
}
