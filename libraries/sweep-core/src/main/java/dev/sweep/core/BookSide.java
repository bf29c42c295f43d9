package dev.sweep.core;

import java.util.Arrays;

/**
 * One side of an order book: price levels with their total size, kept sorted in two parallel primitive arrays.
 *
 * <p>Levels are stored worst-first, so the best level sits at the end of the arrays: most updates touch the top of the
 * book, and inserting or deleting there moves few elements. Bids are stored by price and asks by negated price, so
 * both sides are one ascending array and share every line of code. Readers see levels best-first through
 * {@link #price(int)} and {@link #size(int)}, index 0 being the best.
 *
 * <p>Steady-state updates allocate nothing; the arrays grow (by doubling) only when the side holds more levels than
 * ever before. Not thread-safe: one writer, and readers on the writer's thread (design §1).
 */
public final class BookSide {

    /** The value {@link #bestPrice()} returns for an empty side; real prices are always positive. */
    public static final long NO_PRICE = 0;

    private static final int INITIAL_CAPACITY = 64;

    private final Side side;
    private final long keySign;
    private long[] keys;
    private long[] sizes;
    private int count;
    /** Whether the venue has levels beyond this side's last that the side does not hold. */
    private boolean truncated;

    public BookSide(Side side) {
        this.side = side;
        this.keySign = side == Side.BID ? 1 : -1;
        this.keys = new long[INITIAL_CAPACITY];
        this.sizes = new long[INITIAL_CAPACITY];
    }

    public Side side() {
        return side;
    }

    /** Number of price levels on this side. */
    public int depth() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** Price of the level {@code level} places from the best (0 = best). */
    public long price(int level) {
        return keySign * keys[checkedIndex(level)];
    }

    /** Size of the level {@code level} places from the best (0 = best). */
    public long size(int level) {
        return sizes[checkedIndex(level)];
    }

    /**
     * Copies the prices and sizes of the best {@code levels} levels, or of every level when the side holds fewer, best
     * first into {@code prices} and {@code sizes}: for a reader of the top of the book, such as a checksum over it, that
     * would otherwise check and convert each index.
     *
     * @return how many levels were copied
     */
    public int top(long[] prices, long[] sizes, int levels) {
        int copied = Math.min(levels, count);
        for (int i = 0; i < copied; i++) {
            prices[i] = keySign * keys[count - 1 - i];
            sizes[i] = this.sizes[count - 1 - i];
        }
        return copied;
    }

    /**
     * The levels' keys in place, worst first and best at {@code depth() - 1}: a bid's key is its price, an ask's its
     * negated price, so that a greater key is a better level on either side and {@link #price} is the key times
     * {@link #keySign}. For the sweep, which reads level after level; valid until the side next changes.
     */
    long[] keys() {
        return keys;
    }

    /** The levels' sizes in place, in the order of {@link #keys()}. */
    long[] sizes() {
        return sizes;
    }

    /** 1 for bids, −1 for asks: a level's price is its key times this. */
    long keySign() {
        return keySign;
    }

    /** The best price, or {@link #NO_PRICE} when the side is empty. */
    public long bestPrice() {
        return count == 0 ? NO_PRICE : keySign * keys[count - 1];
    }

    /** The size resting at {@code price}, or 0 when there is no such level. */
    public long sizeAt(long price) {
        int index = Arrays.binarySearch(keys, 0, count, keySign * price);
        return index >= 0 ? sizes[index] : 0;
    }

    /** What {@link #set} returns when it changed nothing (a deletion of an absent level). */
    public static final int UNCHANGED = -1;

    /**
     * Sets the total size at a price level: size 0 deletes the level (deleting an absent level does nothing), any
     * other size replaces the level's size or inserts the level.
     *
     * @param price a positive price
     * @param size  a non-negative size
     * @return how many levels from the best the change happened (0: the best level changed), or {@link #UNCHANGED};
     *         consumers use it to skip work when only the depths of the book moved
     */
    public int set(long price, long size) {
        long key = keySign * price;
        int index = Arrays.binarySearch(keys, 0, count, key);
        if (index >= 0) {
            int level = count - 1 - index;
            if (size == 0) {
                System.arraycopy(keys, index + 1, keys, index, count - index - 1);
                System.arraycopy(sizes, index + 1, sizes, index, count - index - 1);
                count--;
            } else {
                sizes[index] = size;
            }
            return level;
        }
        if (size == 0) {
            return UNCHANGED;
        }
        int insertion = -index - 1;
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, count * 2);
            sizes = Arrays.copyOf(sizes, count * 2);
        }
        System.arraycopy(keys, insertion, keys, insertion + 1, count - insertion);
        System.arraycopy(sizes, insertion, sizes, insertion + 1, count - insertion);
        keys[insertion] = key;
        sizes[insertion] = size;
        count++;
        return count - 1 - insertion;
    }

    /**
     * Keeps only the best {@code maxLevels} levels (Kraken does not delete levels that fall out of the subscribed
     * depth; the client must). Does nothing when the side is already that shallow.
     */
    public void truncate(int maxLevels) {
        if (maxLevels < 0) {
            throw new IllegalArgumentException("depth must not be negative: " + maxLevels);
        }
        if (count > maxLevels) {
            int drop = count - maxLevels;
            System.arraycopy(keys, drop, keys, 0, maxLevels);
            System.arraycopy(sizes, drop, sizes, 0, maxLevels);
            count = maxLevels;
        }
    }

    /**
     * Replaces every level with the {@code count} levels of {@code prices} and {@code sizes}, given in any order:
     * they are sorted once, so a whole book loads in O(n log n) where {@link #set} one by one would move O(n²)
     * elements for a book listed best-first.
     *
     * @param prices positive prices, distinct
     * @param sizes  positive sizes, {@code sizes[i]} resting at {@code prices[i]}
     * @return {@link #NO_PRICE} when the side now holds exactly these levels; otherwise a price listed more than once,
     *         and the side is left unchanged
     * @throws IllegalArgumentException on a non-positive price or size (the side is left unchanged)
     */
    public long load(long[] prices, long[] sizes, int count) {
        long[] sortedKeys = new long[Math.max(INITIAL_CAPACITY, count)];
        for (int i = 0; i < count; i++) {
            if (prices[i] <= 0) {
                throw new IllegalArgumentException("level " + i + ": price must be positive: " + prices[i]);
            }
            if (sizes[i] <= 0) {
                throw new IllegalArgumentException("level " + i + ": size must be positive: " + sizes[i]);
            }
            sortedKeys[i] = keySign * prices[i];
        }
        Arrays.sort(sortedKeys, 0, count);
        for (int i = 1; i < count; i++) {
            if (sortedKeys[i] == sortedKeys[i - 1]) {
                return keySign * sortedKeys[i];
            }
        }
        long[] sortedSizes = new long[sortedKeys.length];
        for (int i = 0; i < count; i++) {
            sortedSizes[Arrays.binarySearch(sortedKeys, 0, count, keySign * prices[i])] = sizes[i];
        }
        this.keys = sortedKeys;
        this.sizes = sortedSizes;
        this.count = count;
        return NO_PRICE;
    }

    /** Removes every level; a side cleared holds nothing it could be truncated of. */
    public void clear() {
        count = 0;
        truncated = false;
    }

    /**
     * Whether the side is the best of a longer one: a venue that sends its book to a depth (OKX's 400 levels), or
     * whose snapshot was capped (Binance's 5,000), has levels beyond the last held here, which are unknown. A sweep
     * that takes every level of such a side has not seen the whole book.
     */
    public boolean isTruncated() {
        return truncated;
    }

    /** Says whether the venue has levels beyond this side's last: its feed's rule knows. */
    public void setTruncated(boolean truncated) {
        this.truncated = truncated;
    }

    /**
     * Makes this side an exact copy of {@code other}, reusing this side's arrays when they are large enough: how a
     * query takes a consistent copy of a book on the thread that writes it.
     */
    public void copyFrom(BookSide other) {
        copyBest(other, other.count);
    }

    /**
     * Makes this side a copy of the best {@code levels} levels of {@code other}, reusing this side's arrays when they
     * are large enough and otherwise growing them at least twofold, so that copies of a book whose depth wanders
     * allocate nothing once they have seen its deepest.
     */
    public void copyBest(BookSide other, int levels) {
        if (other.side != side) {
            throw new IllegalArgumentException("cannot copy " + other.side + " levels into the " + side + " side");
        }
        if (levels < 0 || levels > other.count) {
            throw new IndexOutOfBoundsException(levels + " best levels of a side with " + other.count);
        }
        if (keys.length < levels) {
            keys = new long[Math.max(levels, 2 * keys.length)];
            sizes = new long[keys.length];
        }
        // Levels are stored worst-first: the best ones are the last of the other side's arrays.
        System.arraycopy(other.keys, other.count - levels, keys, 0, levels);
        System.arraycopy(other.sizes, other.count - levels, sizes, 0, levels);
        count = levels;
        truncated = other.truncated || levels < other.count;
    }

    private int checkedIndex(int level) {
        if (level < 0 || level >= count) {
            throw new IndexOutOfBoundsException("level " + level + " of a side with " + count + " levels");
        }
        return count - 1 - level;
    }
}
