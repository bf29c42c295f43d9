package dev.sweep.venue;

import dev.sweep.core.Side;
import java.util.Arrays;

/**
 * The price levels of one frame, staged before any is applied: a frame is decoded whole into the batch and checked,
 * and only then written to the books, so that a frame rejected half-way never leaves a book half-updated. Levels
 * are grouped in sections, one per book and message (a Kraken or Coinbase frame can carry several).
 *
 * <p>Reused from frame to frame; grows (and then allocates) only when a frame holds more levels or sections than
 * any before it, up to {@link #MAX_LEVELS}.
 */
public final class LevelBatch {

    /** The most levels one frame may carry; a larger frame is rejected rather than allowed to exhaust memory. */
    public static final int MAX_LEVELS = 2_000_000;

    private Side[] sides;
    private long[] prices;
    private long[] sizes;
    private int levelCount;

    private VenueBook[] sectionBooks = new VenueBook[8];
    private boolean[] sectionSnapshots = new boolean[8];
    private long[] sectionChecksums = new long[8];
    private long[] sectionVenueSeqs = new long[8];
    private long[] sectionVenueNanos = new long[8];
    private int[] sectionEnds = new int[8];
    private int sectionCount;
    private int sectionStart;

    /** A batch with room for 256 levels before it grows. */
    public LevelBatch() {
        this(256);
    }

    /** A batch with room for {@code levels} levels (at least 1) before it grows. */
    public LevelBatch(int levels) {
        if (levels < 1) {
            throw new IllegalArgumentException("a batch needs room for a level: " + levels);
        }
        sides = new Side[levels];
        prices = new long[levels];
        sizes = new long[levels];
    }

    /** Empties the batch for the next frame. */
    public void clear() {
        levelCount = 0;
        sectionCount = 0;
        sectionStart = 0;
    }

    /**
     * Stages one level of the section being built.
     *
     * @return false when the frame holds more than {@link #MAX_LEVELS} levels
     */
    public boolean addLevel(Side side, long price, long size) {
        if (levelCount == sides.length) {
            if (levelCount == MAX_LEVELS) {
                return false;
            }
            int capacity = Math.min(MAX_LEVELS, levelCount * 2);
            sides = Arrays.copyOf(sides, capacity);
            prices = Arrays.copyOf(prices, capacity);
            sizes = Arrays.copyOf(sizes, capacity);
        }
        sides[levelCount] = side;
        prices[levelCount] = price;
        sizes[levelCount] = size;
        levelCount++;
        return true;
    }

    /**
     * Closes the section of the levels staged since the previous section, which carries neither a venue sequence nor
     * a venue time ({@link BookListener#NONE}).
     *
     * @param book     the book they belong to
     * @param snapshot whether they replace the book (true) or update it
     * @param checksum the venue's checksum for the book after this section, or -1 when the venue sends none
     */
    public void endSection(VenueBook book, boolean snapshot, long checksum) {
        endSection(book, snapshot, checksum, BookListener.NONE, BookListener.NONE);
    }

    /**
     * Closes the section of the levels staged since the previous section, with what the venue said of its message.
     *
     * @param venueSeq   the venue's sequence number of the message, or {@link BookListener#NONE}
     * @param venueNanos when the venue says it sent the message, nanoseconds since 1970, or {@link BookListener#NONE}
     */
    public void endSection(VenueBook book, boolean snapshot, long checksum, long venueSeq, long venueNanos) {
        if (sectionCount == sectionBooks.length) {
            int capacity = sectionCount * 2;
            sectionBooks = Arrays.copyOf(sectionBooks, capacity);
            sectionSnapshots = Arrays.copyOf(sectionSnapshots, capacity);
            sectionChecksums = Arrays.copyOf(sectionChecksums, capacity);
            sectionVenueSeqs = Arrays.copyOf(sectionVenueSeqs, capacity);
            sectionVenueNanos = Arrays.copyOf(sectionVenueNanos, capacity);
            sectionEnds = Arrays.copyOf(sectionEnds, capacity);
        }
        sectionBooks[sectionCount] = book;
        sectionSnapshots[sectionCount] = snapshot;
        sectionChecksums[sectionCount] = checksum;
        sectionVenueSeqs[sectionCount] = venueSeq;
        sectionVenueNanos[sectionCount] = venueNanos;
        sectionEnds[sectionCount] = levelCount;
        sectionCount++;
        sectionStart = levelCount;
    }

    /** Drops the levels staged since the last closed section (they belonged to a message that was skipped). */
    public void discardOpenSection() {
        levelCount = sectionStart;
    }

    public int sectionCount() {
        return sectionCount;
    }

    public VenueBook sectionBook(int section) {
        return sectionBooks[section];
    }

    public boolean isSnapshot(int section) {
        return sectionSnapshots[section];
    }

    public long checksum(int section) {
        return sectionChecksums[section];
    }

    /** The venue's sequence number of the section's message, or {@link BookListener#NONE}. */
    public long venueSeq(int section) {
        return sectionVenueSeqs[section];
    }

    /** When the venue says it sent the section's message, nanoseconds since 1970, or {@link BookListener#NONE}. */
    public long venueNanos(int section) {
        return sectionVenueNanos[section];
    }

    /**
     * Stamps every section closed so far with the sequence and time of the frame that holds them: for a venue that
     * writes them on the frame rather than on each message (Coinbase), and may write them after the messages.
     */
    public void stampSections(long venueSeq, long venueNanos) {
        Arrays.fill(sectionVenueSeqs, 0, sectionCount, venueSeq);
        Arrays.fill(sectionVenueNanos, 0, sectionCount, venueNanos);
    }

    /** Index of the section's first level. */
    public int sectionStart(int section) {
        return section == 0 ? 0 : sectionEnds[section - 1];
    }

    /** Index just past the section's last level. */
    public int sectionEnd(int section) {
        return sectionEnds[section];
    }

    public Side side(int level) {
        return sides[level];
    }

    public long price(int level) {
        return prices[level];
    }

    public long size(int level) {
        return sizes[level];
    }

    /** Hands a section's levels to a listener: {@link BookListener#onSnapshot} first when it is a snapshot. */
    public void replay(int section, BookListener listener) {
        VenueBook book = sectionBooks[section];
        if (sectionSnapshots[section]) {
            listener.onSnapshot(book);
        }
        for (int level = sectionStart(section); level < sectionEnds[section]; level++) {
            listener.onLevel(book, sides[level], prices[level], sizes[level]);
        }
    }
}
