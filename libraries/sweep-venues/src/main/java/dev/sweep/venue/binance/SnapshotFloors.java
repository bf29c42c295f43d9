package dev.sweep.venue.binance;

import dev.sweep.core.BookSide;
import dev.sweep.core.Side;
import dev.sweep.venue.LevelBatch;
import dev.sweep.venue.VenueBook;
import java.util.Arrays;

/**
 * Where each book's snapshot ended, so that the book never claims a level beyond it. Binance's snapshot holds at most
 * {@value BinanceSnapshots#MAX_LIMIT} levels a side, and "you won't learn the quantities for the levels outside of
 * the initial snapshot unless they change": a level past the snapshot's last that an event sets would stand in the
 * book with unknown levels between it and the rest. So a side the snapshot filled ends at the snapshot's last price
 * (the book is truncated there), and changes beyond it are dropped; a side it did not fill is the venue's whole side.
 * Deletes of levels the book never held (beyond the floor, or anywhere) are normal and change nothing.
 */
final class SnapshotFloors {

    private final long[] lowestBid;
    private final long[] highestAsk;
    /** The levels of an update that reaches beyond the floors: made when one first does, as few updates do. */
    private LevelBatch kept;

    SnapshotFloors(int books) {
        lowestBid = new long[books];
        highestAsk = new long[books];
        Arrays.fill(lowestBid, Long.MIN_VALUE);
        Arrays.fill(highestAsk, Long.MAX_VALUE);
    }

    /**
     * Takes the floors of the snapshot staged as the batch's one section, or drops the changes of the update staged
     * there that lie beyond them.
     */
    void cut(LevelBatch batch) {
        VenueBook book = batch.sectionBook(0);
        if (batch.isSnapshot(0)) {
            lowestBid[book.index()] = floor(batch, Side.BID, Long.MIN_VALUE);
            highestAsk[book.index()] = floor(batch, Side.ASK, Long.MAX_VALUE);
            return;
        }
        int beyond = 0;
        for (int level = batch.sectionStart(0); level < batch.sectionEnd(0); level++) {
            beyond += within(book, batch.side(level), batch.price(level)) ? 0 : 1;
        }
        if (beyond > 0) {
            if (kept == null) {
                kept = new LevelBatch();
            }
            kept.clear();
            for (int level = batch.sectionStart(0); level < batch.sectionEnd(0); level++) {
                if (within(book, batch.side(level), batch.price(level))) {
                    kept.addLevel(batch.side(level), batch.price(level), batch.size(level));
                }
            }
            kept.endSection(book, false, -1, batch.venueSeq(0), batch.venueNanos(0));
            batch.clear();
            for (int level = kept.sectionStart(0); level < kept.sectionEnd(0); level++) {
                batch.addLevel(kept.side(level), kept.price(level), kept.size(level));
            }
            batch.endSection(book, false, -1, kept.venueSeq(0), kept.venueNanos(0));
        }
    }

    /**
     * Marks each side of the book that ends at its snapshot's last price truncated (the venue has levels beyond it),
     * once a snapshot or update was applied: the depth alone does not tell, as deletes thin a side the snapshot filled.
     */
    void mark(VenueBook book) {
        BookSide bids = book.book().bids();
        BookSide asks = book.book().asks();
        bids.setTruncated(bids.isTruncated() || lowestBid[book.index()] != Long.MIN_VALUE);
        asks.setTruncated(asks.isTruncated() || highestAsk[book.index()] != Long.MAX_VALUE);
    }

    private boolean within(VenueBook book, Side side, long price) {
        return side == Side.BID ? price >= lowestBid[book.index()] : price <= highestAsk[book.index()];
    }

    /** The last price of a side the snapshot filled, or {@code none} for a side it did not: all of it is known. */
    private static long floor(LevelBatch snapshot, Side side, long none) {
        int levels = 0;
        long worst = side == Side.BID ? Long.MAX_VALUE : Long.MIN_VALUE;
        for (int level = snapshot.sectionStart(0); level < snapshot.sectionEnd(0); level++) {
            if (snapshot.side(level) == side) {
                levels++;
                long price = snapshot.price(level);
                worst = side == Side.BID ? Math.min(worst, price) : Math.max(worst, price);
            }
        }
        return levels >= BinanceSnapshots.MAX_LIMIT ? worst : none;
    }
}
