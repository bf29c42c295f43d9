package dev.sweep.venue.kraken;

import dev.sweep.core.FixedPoint;
import dev.sweep.core.Side;
import dev.sweep.venue.BookListener;
import dev.sweep.venue.LevelBatch;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.json.MinuteTimes;
import dev.sweep.venue.json.Words;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Stages a book frame written exactly as Kraken writes it, in one pass over its bytes: the fields in the documented
 * order, no white space, one book per frame, prices and quantities as plain decimal numbers, each read into its
 * scaled long as it is scanned. The general reader tokenizes the frame, looks every field name up and reads every
 * number a second time from its token; on the frames Kraken actually sends that is most of a frame's cost.
 *
 * <p>It only stages what the general reader would stage, the same levels with the same checksum and time: any frame
 * it does not recognise to the last byte, and any value the general reader would reject or read otherwise (a zero
 * price, a number in exponent form or with too many digits, an escaped or unterminated string, an unknown symbol),
 * makes {@link #stage} return false, and the caller reads the frame the general way, which decides its fate.
 */
final class DocumentedBookFrame {

    /** Stands for "not read here" among the times, which are {@link BookListener#NONE} or non-negative. */
    private static final long NOT_READ = Long.MIN_VALUE;
    /** Most digits a value may span at its scale (integer digits plus the scale) to be read here without overflow. */
    private static final int MAX_DIGITS = 18;
    private static final long MAX_CHECKSUM = 0xFFFF_FFFFL;
    private static final int MAX_CHECKSUM_DIGITS = 10;
    /** Each byte of a word {@code '0'}, {@code 6}, and its high half: for {@link #leadingDigits}. */
    private static final long ZEROS = 0x3030_3030_3030_3030L;
    private static final long SIXES = 0x0606_0606_0606_0606L;
    private static final long HIGH_HALVES = 0xF0F0_F0F0_F0F0_F0F0L;

    private static final Literal UPDATE = new Literal("{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"");
    private static final Literal SNAPSHOT = new Literal("{\"channel\":\"book\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"");
    private static final Literal BIDS = new Literal(",\"bids\":[");
    private static final Literal ASKS = new Literal("],\"asks\":[");
    private static final Literal PRICE = new Literal("{\"price\":");
    private static final Literal QTY = new Literal(",\"qty\":");
    private static final Literal CHECKSUM = new Literal("],\"checksum\":");
    private static final Literal TIMESTAMP = new Literal(",\"timestamp\":");
    private static final Literal END = new Literal("}]}");

    private final VenueBook[] books;
    /**
     * Each book's symbol as the frame writes it, with its closing quote, compared as the layout's other texts are;
     * null for one this reader cannot match byte for byte.
     */
    private final Literal[] symbols;
    private final LevelBatch batch;
    private final int priceScale;
    private final int sizeScale;
    private final MinuteTimes times = new MinuteTimes();
    private byte[] frame;
    private int position;
    private int end;

    DocumentedBookFrame(VenueBooks books, LevelBatch batch) {
        this.books = new VenueBook[books.size()];
        this.symbols = new Literal[books.size()];
        for (int i = 0; i < books.size(); i++) {
            this.books[i] = books.get(i);
            String symbol = books.get(i).venueSymbol();
            this.symbols[i] = isPlain(ascii(symbol)) ? new Literal(symbol + '"') : null;
        }
        this.batch = batch;
        this.priceScale = books.priceScale();
        this.sizeScale = books.sizeScale();
    }

    /**
     * Stages the frame in the batch, as the only section, if it is a book snapshot or update in Kraken's own layout.
     *
     * @return false when it is not (the batch may then hold part of it: the general reader starts it afresh)
     */
    boolean stage(byte[] frame, int offset, int length) {
        this.frame = frame;
        this.position = offset;
        this.end = offset + length;
        boolean snapshot;
        if (skip(UPDATE)) {
            snapshot = false;
        } else if (skip(SNAPSHOT)) {
            snapshot = true;
        } else {
            return false;
        }
        VenueBook book = symbol();
        if (book == null || !skip(BIDS)) {
            return false;
        }
        batch.clear();
        if (!levels(Side.BID) || !skip(ASKS) || !levels(Side.ASK) || !skip(CHECKSUM)) {
            return false;
        }
        long checksum = checksum();
        if (checksum < 0) {
            return false;
        }
        long time = BookListener.NONE;
        if (skip(TIMESTAMP)) {
            time = time();
            if (time == NOT_READ) {
                return false;
            }
        }
        if (!skip(END) || position != end) {
            return false;
        }
        batch.endSection(book, snapshot, checksum, BookListener.NONE, time);
        return true;
    }

    /** The book whose symbol and closing quote follow, or null. */
    private VenueBook symbol() {
        for (int i = 0; i < symbols.length; i++) {
            if (symbols[i] != null && skip(symbols[i])) {
                return books[i];
            }
        }
        return null;
    }

    /** The levels of one side up to its closing bracket, which is left to read; false on anything else. */
    private boolean levels(Side side) {
        if (position < end && frame[position] == ']') {
            return true;
        }
        while (true) {
            if (!skip(PRICE)) {
                return false;
            }
            long price = amount(priceScale);
            if (price <= 0 || !skip(QTY)) {
                return false;
            }
            long qty = amount(sizeScale);
            if (qty < 0 || position >= end || frame[position] != '}' || !batch.addLevel(side, price, qty)) {
                return false;
            }
            position++;
            if (position >= end || frame[position] != ',') {
                return true;
            }
            position++;
        }
    }

    /**
     * The JSON number that follows, {@code 0} or digits not starting with 0, then optionally a point and digits, as a
     * long at {@code scale}, read as {@link FixedPoint#parse} reads it; -1 for any other number, for one with non-zero
     * digits beyond the scale, and for one too long to be sure that it fits.
     *
     * <p>Its digits are read eight at a time ({@link #leadingDigits}, {@link #digitsValue}), so each word read must lie
     * in the frame: a number with fewer than eight bytes after it is left to the general reader, which the layout
     * never needs (a field name or {@code "],"checksum":"} follows every one).
     */
    private long amount(int scale) {
        int i = position;
        if (end - i < Words.SIZE) {
            return -1;
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
                    return -1;
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
                    return -1;
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
        position = i;
        return value * FixedPoint.powerOfTen(scale - kept);
    }

    /** How many of the word's bytes, from its first, are digits before one that is not: 0 to 8. */
    private static int leadingDigits(long word) {
        // A byte is a digit when its high half is 3 both as it is and with 6 added (0x3A to 0x3F become 0x40 to 0x45). A
        // carry out of a byte comes only from a byte that is not a digit, and spoils only the bytes after it.
        long notDigits = ((word ^ ZEROS) | ((word + SIXES) ^ ZEROS)) & HIGH_HALVES;
        return Long.numberOfTrailingZeros(notDigits) >>> 3;
    }

    /**
     * The value of the first {@code digits} (1 to 8) bytes of the word, which are digits: shifted to the word's end behind
     * zeros, then added up in pairs, fours and eights with three multiplications instead of one per digit.
     */
    private static long digitsValue(long word, int digits) {
        long value = (word - ZEROS) << ((Words.SIZE - digits) * Byte.SIZE);
        value = (value * 10 + (value >>> 8)) & 0x00FF_00FF_00FF_00FFL;
        value = (value * 100 + (value >>> 16)) & 0x0000_FFFF_0000_FFFFL;
        return (value * 10_000 + (value >>> 32)) & 0xFFFF_FFFFL;
    }

    /** The checksum that follows, an unsigned 32-bit integer written as digits alone; -1 for anything else. */
    private long checksum() {
        int i = position;
        if (i >= end || !isDigit(frame[i])) {
            return -1;
        }
        long value = 0;
        if (frame[i] == '0') {
            i++;
        } else {
            while (i < end && isDigit(frame[i]) && i - position < MAX_CHECKSUM_DIGITS) {
                value = value * 10 + (frame[i++] - '0');
            }
        }
        if (value > MAX_CHECKSUM || (i < end && (isDigit(frame[i]) || frame[i] == '.'))) {
            return -1;
        }
        position = i;
        return value;
    }

    /**
     * The timestamp string that follows: nanoseconds since 1970, {@link BookListener#NONE} for a string that is no
     * time, {@link #NOT_READ} when no string ends within the frame or the string holds an escape or a control
     * character (left to the general reader, which reads it with the frame).
     */
    private long time() {
        if (position >= end || frame[position] != '"') {
            return NOT_READ;
        }
        if (times.readKept(frame, position, end)) {
            position = times.keptClose() + 1;
            return times.keptNanos();
        }
        int close = position + 1;
        while (close < end && frame[close] != '"') {
            if (frame[close] == '\\' || (frame[close] >= 0 && frame[close] < ' ')) {
                return NOT_READ;
            }
            close++;
        }
        if (close >= end) {
            return NOT_READ;
        }
        long nanos = times.read(frame, position, close);
        position = close + 1;
        return nanos;
    }

    /** Moves past {@code literal} if it follows. */
    private boolean skip(Literal literal) {
        if (!literal.isAt(frame, position, end)) {
            return false;
        }
        position += literal.length;
        return true;
    }

    /**
     * A fixed text of the layout, compared with the frame eight bytes at a time: the field names between the values
     * are most of a frame's bytes, and one comparison of a word costs less than a general comparison's set-up.
     */
    private static final class Literal {

        final int length;
        private final byte[] bytes;
        /** The first eight bytes as a word, the others zero when the text is shorter, and the last eight. */
        private final long first;
        private final long last;

        Literal(String text) {
            bytes = ascii(text);
            length = bytes.length;
            byte[] padded = Arrays.copyOf(bytes, Math.max(Words.SIZE, length));
            first = Words.first(Words.at(padded, 0), length);
            last = Words.at(padded, padded.length - Words.SIZE);
        }

        boolean isAt(byte[] frame, int position, int end) {
            if (end - position < length) {
                return false;
            }
            if (length < Words.SIZE) {
                return position + Words.SIZE <= end ? Words.first(Words.at(frame, position), length) == first
                        : Arrays.equals(frame, position, position + length, bytes, 0, length);
            }
            // Word by word, the last word ending with the text (overlapping the one before it).
            for (int i = 0; i < length - Words.SIZE; i += Words.SIZE) {
                if (Words.at(frame, position + i) != Words.at(bytes, i)) {
                    return false;
                }
            }
            return Words.at(frame, position + length - Words.SIZE) == last;
        }
    }

    /** Whether a symbol reads the same as raw bytes and as a JSON string's content: no quote, escape or control. */
    private static boolean isPlain(byte[] symbol) {
        for (byte b : symbol) {
            if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
