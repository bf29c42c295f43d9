package dev.sweep.venue.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of a text read as one {@code long}, and tests on all eight at once (SWAR), for the scans and comparisons
 * that run on every token of every frame: one load and a few arithmetic operations instead of eight bounds-checked
 * byte loads and comparisons.
 */
public final class Words {

    /** Bytes in a word. */
    public static final int SIZE = Long.BYTES;

    private static final VarHandle LITTLE_ENDIAN = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;
    private static final long SPACES = ' ' * ONES;

    private Words() {
    }

    /** The eight bytes at {@code offset}, the first in the lowest bits; {@code offset + 8} must not pass the array. */
    public static long at(byte[] text, int offset) {
        return (long) LITTLE_ENDIAN.get(text, offset);
    }

    /** The first {@code length} (0 to 8) bytes of {@code word}, the others zero. */
    public static long first(long word, int length) {
        return length >= SIZE ? word : word & ((1L << (length << 3)) - 1);
    }

    /**
     * A mask whose lowest set bit is the high bit of the first byte of {@code word} that ends or interrupts a JSON
     * string's plain run: a quote, a backslash or a control character; zero when there is none. Bits above the first
     * may be set spuriously by a borrow: only the lowest one is exact.
     */
    static long stringSpecials(long word) {
        return zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES) | ((word - SPACES) & ~word & HIGH_BITS);
    }

    /** Which byte of the word the lowest bit of a {@link #stringSpecials} mask stands for. */
    static int firstByte(long mask) {
        return Long.numberOfTrailingZeros(mask) >>> 3;
    }

    private static long zeroBytes(long word) {
        return (word - ONES) & ~word & HIGH_BITS;
    }
}
