package dev.sweep.venue;

import dev.sweep.core.BookState;
import dev.sweep.venue.SpliceRule.Join;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Splices each book's REST snapshot into its WebSocket diffs, for a venue whose WebSocket sends no snapshot. The
 * venue's adapter stages a diff as it would apply it and hands it here ({@link #onUpdate}) with the ids the venue put
 * on it; it stages the snapshot the feed fetched the same way ({@link #onSnapshot}). What the ids mean is the venue's
 * {@link SpliceRule}; the rest is the same for every venue. Per book:
 *
 * <ol>
 * <li>Until the snapshot arrives, updates are buffered, at most the venue's {@link RestSnapshots#maxBufferedUpdates}:
 *     one more breaks the book (a resync, never memory without bound). The snapshot is asked for when the venue says
 *     ({@link #request}, on its subscription's acknowledgement), or at the book's first update.
 * <li>When it arrives, the buffered updates it already holds are dropped. If the first one left does not join it,
 *     the snapshot is stale: it is not applied, the buffer is kept, and another one is asked for. Otherwise the
 *     snapshot is applied and the buffered updates are replayed over it.
 * <li>A snapshot that nothing buffered contradicts is applied at once, so a quiet book is live. When the first update
 *     after it shows it stale (it jumps past the snapshot, and no update the snapshot held came before it), the book
 *     goes back to waiting, that update buffered, and another snapshot is asked for: on the same connection, as when a
 *     stale snapshot is found among buffered updates.
 * <li>From then on each update must follow the last one applied: an update already held is dropped, a gap breaks
 *     the book.
 * </ol>
 *
 * A snapshot that could not be fetched or read is asked for again, with the attempt's number, so that the feed backs
 * off; after {@link #MAX_ATTEMPTS} the book is broken. A broken book waits for its resync: a new connection, with a
 * new adapter and a new splice. Steady-state updates allocate nothing. Not thread-safe: the connection's thread only.
 */
public final class SnapshotSplice {

    /** Snapshots asked for one book, on one connection, before the book is broken. */
    public static final int MAX_ATTEMPTS = 5;
    /** Room in a book's buffer before it grows: a new connection's splice allocates little until it needs more. */
    private static final int BUFFERED_LEVELS = 16;

    /** Where a book stands. */
    private enum Stage {
        /** No snapshot applied: updates are buffered. */
        WAITING,
        /** The snapshot is applied; no update has joined it yet. */
        JOINING,
        /** Updates follow one another. */
        FOLLOWING
    }

    private final VenueBooks books;
    private final FeedListener listener;
    private final LevelBatch batch;
    private final LongConsumer apply;
    private final SpliceRule rule;
    private final int maxBuffered;
    private final BookSplice[] splices;

    /**
     * @param books       the connection's books
     * @param batch       the adapter's batch, where it stages an update or a snapshot as its one section before handing
     *                    it here; replayed updates are staged in it again
     * @param apply       applies the batch as the adapter applies a frame, with the shared checks and the venue's own,
     *                    stamping the receive time it is given
     * @param rule        the venue's meaning of its ids
     * @param maxBuffered most updates of a book buffered while it waits for its snapshot
     */
    public SnapshotSplice(VenueBooks books, LevelBatch batch, LongConsumer apply, SpliceRule rule, int maxBuffered) {
        if (maxBuffered < 1) {
            throw new IllegalArgumentException("a splice must buffer at least one update: " + maxBuffered);
        }
        this.books = books;
        this.listener = books.listener();
        this.batch = batch;
        this.apply = apply;
        this.rule = rule;
        this.maxBuffered = maxBuffered;
        this.splices = new BookSplice[books.size()];
        for (int i = 0; i < splices.length; i++) {
            splices[i] = new BookSplice();
        }
    }

    /** Asks for the book's snapshot, unless it was asked for already: when the venue confirms the subscription. */
    public void request(VenueBook book) {
        BookSplice splice = splices[book.index()];
        if (splice.stage == Stage.WAITING && !splice.requested && splice.attempts == 0
                && book.state() != BookState.BROKEN) {
            request(book, splice, "subscribed");
        }
    }

    /**
     * An update the adapter staged in the batch as its one section, covering the venue's ids {@code first} to
     * {@code last}: buffered, dropped, applied, or refused by breaking the book.
     */
    public void onUpdate(long first, long last, long receiveNanos) {
        VenueBook book = batch.sectionBook(0);
        BookSplice splice = splices[book.index()];
        if (book.state() == BookState.BROKEN) {
            return; // already reported; the resync's snapshot will come on a new connection
        }
        if (splice.stage == Stage.WAITING) {
            buffer(book, splice, first, last);
        } else if (judge(book, splice, first, last) == Join.NEXT) {
            apply.accept(receiveNanos);
        }
    }

    /**
     * The snapshot the adapter staged in the batch as its one section, with the venue's id for it: applied with the
     * buffered updates that follow it, or, when stale, dropped and asked for again. A snapshot the splice did not
     * ask for is rejected.
     */
    public void onSnapshot(long snapshotId, long receiveNanos) {
        VenueBook book = batch.sectionBook(0);
        BookSplice splice = splices[book.index()];
        if (splice.stage != Stage.WAITING || !splice.requested || book.state() == BookState.BROKEN) {
            listener.onFrameRejected("a snapshot of " + book.venueSymbol() + " that was not asked for");
            return;
        }
        splice.requested = false;
        int next = 0;
        while (next < splice.buffered && rule.joins(snapshotId, splice.firsts[next], splice.lasts[next]) == Join.HELD) {
            next++;
        }
        if (next < splice.buffered && rule.joins(snapshotId, splice.firsts[next], splice.lasts[next]) == Join.GAP) {
            request(book, splice, "stale snapshot: its id " + snapshotId + " is older than the buffered update "
                    + splice.firsts[next] + ".." + splice.lasts[next]);
            return;
        }
        apply.accept(receiveNanos);
        splice.stage = Stage.JOINING;
        splice.id = snapshotId;
        splice.reachedSnapshot = next > 0;
        for (int i = next; i < splice.buffered && book.state() == BookState.LIVE; i++) {
            if (judge(book, splice, splice.firsts[i], splice.lasts[i]) == Join.NEXT) {
                restage(book, splice.buffer, i);
                // Stamped with the snapshot's time: the book is as of now, not as of when the update was buffered.
                apply.accept(receiveNanos);
            }
        }
        splice.clear();
    }

    /** The book's snapshot could not be fetched or read: asked for again, or after the last attempt the book broken. */
    public void onSnapshotFailed(VenueBook book, String reason) {
        BookSplice splice = splices[book.index()];
        if (splice.stage == Stage.WAITING && splice.requested && book.state() != BookState.BROKEN) {
            splice.requested = false;
            request(book, splice, reason);
        }
    }

    private void request(VenueBook book, BookSplice splice, String reason) {
        if (splice.attempts == MAX_ATTEMPTS) {
            splice.clear();
            books.broken(book, StateCause.SNAPSHOT_FAILED, "no usable snapshot in " + MAX_ATTEMPTS + " attempts: " + reason);
            return;
        }
        splice.requested = true;
        listener.onSnapshotWanted(book, splice.attempts++, reason);
    }

    private void buffer(VenueBook book, BookSplice splice, long first, long last) {
        if (splice.buffered == maxBuffered || !splice.add(batch, first, last)) {
            splice.clear();
            books.broken(book, StateCause.OVERFLOW, "more than " + maxBuffered + " updates waiting for the snapshot");
            return;
        }
        if (!splice.requested && splice.attempts == 0) {
            request(book, splice, "first update");
        }
    }

    /** Where an update stands against the applied snapshot or update; a gap breaks the book. */
    private Join judge(VenueBook book, BookSplice splice, long first, long last) {
        boolean joining = splice.stage == Stage.JOINING;
        Join join = joining ? rule.joins(splice.id, first, last) : rule.follows(splice.id, first, last);
        switch (join) {
            case NEXT -> {
                splice.stage = Stage.FOLLOWING;
                splice.id = last;
            }
            case GAP -> {
                // An update the snapshot held shows the stream had reached the snapshot: a jump after it is a loss.
                if (joining && !splice.reachedSnapshot) {
                    fetchAgain(book, splice, first, last);
                } else {
                    books.broken(book, StateCause.SEQUENCE_GAP, "update ids jump from " + splice.id + " to " + first
                            + ".." + last);
                }
            }
            case HELD -> {
                splice.reachedSnapshot |= joining;
                if (!joining) {
                    listener.onFrameRejected("update " + first + ".." + last + " of " + book.venueSymbol()
                            + " already applied");
                }
            }
        }
        return join;
    }

    /**
     * The snapshot applied is older than the first update after it, which is staged in the batch: the book waits again,
     * that update buffered, for another snapshot.
     */
    private void fetchAgain(VenueBook book, BookSplice splice, long first, long last) {
        String reason = "stale snapshot: its id " + splice.id + " is older than the first update after it " + first
                + ".." + last;
        books.resyncing(book, StateCause.STALE_SNAPSHOT, reason);
        splice.stage = Stage.WAITING;
        buffer(book, splice, first, last);
        if (book.state() == BookState.SYNCING) {
            request(book, splice, reason);
        }
    }

    /** Stages the buffered update {@code index} in the batch, as the adapter staged it, with the venue's stamps. */
    private void restage(VenueBook book, LevelBatch buffer, int index) {
        batch.clear();
        for (int level = buffer.sectionStart(index); level < buffer.sectionEnd(index); level++) {
            batch.addLevel(buffer.side(level), buffer.price(level), buffer.size(level));
        }
        batch.endSection(book, false, -1, buffer.venueSeq(index), buffer.venueNanos(index));
    }

    /** One book's stage, ids and buffer. */
    private static final class BookSplice {

        private Stage stage = Stage.WAITING;
        /** Whether a snapshot was asked for and has not come (nor failed) yet. */
        private boolean requested;
        private int attempts;
        /** While joining, the snapshot's id; while following, the last id of the last update applied. */
        private long id;
        /** While joining, whether an update the snapshot held came: the stream had reached the snapshot's id. */
        private boolean reachedSnapshot;
        /** Small at first: it holds the few updates that come while the snapshot is fetched, a level or two each. */
        private final LevelBatch buffer = new LevelBatch(BUFFERED_LEVELS);
        private long[] firsts = new long[16];
        private long[] lasts = new long[16];
        private int buffered;

        /** Buffers the update staged as the batch's one section; false when it would hold too many levels. */
        private boolean add(LevelBatch staged, long first, long last) {
            for (int level = staged.sectionStart(0); level < staged.sectionEnd(0); level++) {
                if (!buffer.addLevel(staged.side(level), staged.price(level), staged.size(level))) {
                    return false;
                }
            }
            buffer.endSection(staged.sectionBook(0), false, -1, staged.venueSeq(0), staged.venueNanos(0));
            if (buffered == firsts.length) {
                firsts = Arrays.copyOf(firsts, buffered * 2);
                lasts = Arrays.copyOf(lasts, buffered * 2);
            }
            firsts[buffered] = first;
            lasts[buffered] = last;
            buffered++;
            return true;
        }

        private void clear() {
            buffer.clear();
            buffered = 0;
        }
    }
}
