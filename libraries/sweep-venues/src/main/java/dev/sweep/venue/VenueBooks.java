package dev.sweep.venue;

import dev.sweep.core.BookSide;
import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.venue.json.JsonCursor;
import java.util.Arrays;
import java.util.List;

/**
 * The books one connection keeps, and the rules every venue shares for changing them: a snapshot replaces a book,
 * an update needs a live book, levels beyond the subscribed depth are dropped, a crossed book is broken. Venue
 * adapters add their own checks (checksums, sequence numbers) on top and report through the same transitions,
 * which tell the {@link FeedListener}.
 *
 * <p>The live books are the first {@link BookListener} of the connection's adapter: a staged section is applied to
 * them, checked, and only then handed to the listeners {@linkplain #attach attached} here.
 */
public final class VenueBooks implements BookListener {

    /**
     * Most levels a side may hold (Coinbase's deepest books hold tens of thousands): a venue that sends more is
     * flooding, and the book is rebuilt rather than allowed to grow without bound. About 4 MB per side at most.
     */
    public static final int MAX_LEVELS_PER_SIDE = 250_000;

    private final VenueBook[] books;
    private final int maxDepth;
    private final int maxLevels;
    private final FeedListener listener;
    /** The listeners that see what passed every check, after the live book. */
    private BookListener[] attached = new BookListener[0];
    /** The deletions of the levels the subscribed depth cut from the book last applied, for the attached listeners. */
    private final LevelBatch cut = new LevelBatch();
    /** Where the connection's adapters stage their frames ({@link #staging}). */
    private final LevelBatch staging = new LevelBatch();

    /**
     * @param venue       the venue, for its name, symbols and price precisions
     * @param instruments the instruments subscribed on this connection
     * @param maxDepth    levels kept per side (Kraken's subscribed depth), or 0 to keep every level
     * @param listener    told of every state change
     */
    public VenueBooks(Venue venue, List<Instrument> instruments, int maxDepth, FeedListener listener) {
        this(venue, instruments, maxDepth, MAX_LEVELS_PER_SIDE, listener);
    }

    /**
     * @param maxLevels most levels a side may hold before the book is broken as a flood
     */
    public VenueBooks(Venue venue, List<Instrument> instruments, int maxDepth, int maxLevels, FeedListener listener) {
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("a connection needs at least one instrument");
        }
        this.books = new VenueBook[instruments.size()];
        for (int i = 0; i < books.length; i++) {
            Instrument instrument = instruments.get(i);
            if (instrument.priceScale() != instruments.get(0).priceScale()
                    || instrument.sizeScale() != instruments.get(0).sizeScale()) {
                // Decoders parse levels before they know which book a message is for.
                throw new IllegalArgumentException("the instruments of one connection must share their scales");
            }
            books[i] = new VenueBook(new OrderBook(venue.name(), instrument, venue.pricePrecision(instrument)),
                    venue.symbol(instrument), i);
        }
        this.maxDepth = maxDepth;
        this.maxLevels = maxLevels;
        this.listener = listener;
    }

    /** Scale of every price on this connection. */
    public int priceScale() {
        return books[0].instrument().priceScale();
    }

    /** Scale of every size on this connection. */
    public int sizeScale() {
        return books[0].instrument().sizeScale();
    }

    public int size() {
        return books.length;
    }

    public VenueBook get(int index) {
        return books[index];
    }

    /** The book whose venue symbol is the cursor's current string token, or null. */
    public VenueBook find(JsonCursor cursor) {
        for (VenueBook book : books) {
            if (cursor.tokenEquals(book.venueSymbolBytes())) {
                return book;
            }
        }
        return null;
    }

    /**
     * The batch the adapters of these books stage each frame and snapshot in: one for the books' life, handed to the
     * adapter of every new connection (a reconnection, a resync), so that a new connection does not grow a batch of
     * its own again to the size of its snapshots. An adapter holds nothing in it from one call to the next, and every
     * call runs on the connection's one thread, so an adapter that is being replaced cannot disturb its successor.
     */
    LevelBatch staging() {
        return staging;
    }

    /** Where adapters report what is not a level or a state (acks, heartbeats, rejected frames, venue errors). */
    public FeedListener listener() {
        return listener;
    }

    /**
     * Applies one staged section to its live book, through this listener: a snapshot replaces the levels, an update
     * changes them, then the book is cut to the subscribed depth. An update for a book that has no snapshot yet is not
     * applied. The attached listeners see the section only once it passed every check ({@link #forward}).
     *
     * @return whether the section was applied
     */
    public boolean apply(LevelBatch batch, int section, long receiveNanos) {
        VenueBook book = batch.sectionBook(section);
        if (!batch.isSnapshot(section) && book.state() != BookState.LIVE && book.state() != BookState.STALE) {
            return false;
        }
        batch.replay(section, this);
        onApplied(book, receiveNanos, batch.venueSeq(section), batch.venueNanos(section));
        return true;
    }

    /**
     * Attaches a listener that sees every change applied to these books once it passed every check, after the live
     * book and the listeners attached before it. Attach before the first frame, so that it sees the snapshots.
     */
    public void attach(BookListener listener) {
        attached = Arrays.copyOf(attached, attached.length + 1);
        attached[attached.length - 1] = listener;
    }

    /**
     * Attaches a listener to books that are live already, as they take over from another connection's: the listener
     * first sees each book whole, as a snapshot, then every change, as one {@linkplain #attach attached} before the
     * first frame does.
     */
    public void attachLive(BookListener listener) {
        for (VenueBook book : books) {
            listener.onSnapshot(book);
            for (BookSide side : new BookSide[] {book.book().bids(), book.book().asks()}) {
                for (int level = 0; level < side.depth(); level++) {
                    listener.onLevel(book, side.side(), side.price(level), side.size(level));
                }
            }
            // The book as a whole is no one message of the venue: it has no sequence or time of the venue's.
            listener.onApplied(book, book.lastUpdateNanos(), BookListener.NONE, BookListener.NONE);
        }
        attach(listener);
    }

    /** Whether every book is {@link BookState#LIVE}: a connection taking over from another may. */
    public boolean allLive() {
        for (VenueBook book : books) {
            if (book.state() != BookState.LIVE) {
                return false;
            }
        }
        return true;
    }

    /**
     * Hands a section that was applied and passed every check to the attached listeners, with the deletions of the
     * levels the subscribed depth cut from its book.
     */
    public void forward(LevelBatch batch, int section, long receiveNanos) {
        for (BookListener listener : attached) {
            batch.replay(section, listener);
            if (cut.sectionCount() > 0) {
                cut.replay(0, listener);
            }
            listener.onApplied(batch.sectionBook(section), receiveNanos, batch.venueSeq(section),
                    batch.venueNanos(section));
        }
    }

    // BookListener: the live book.

    @Override
    public void onSnapshot(VenueBook book) {
        book.book().clear();
        book.snapshotStarts();
    }

    @Override
    public void onLevel(VenueBook book, Side side, long price, long size) {
        book.changed(book.book().set(side, price, size));
    }

    /** Cuts the book to the subscribed depth, noting the levels cut when listeners are attached, and records it. */
    @Override
    public void onApplied(VenueBook book, long receiveNanos, long venueSeq, long venueNanos) {
        cut.clear();
        if (maxDepth > 0) {
            if (attached.length > 0) {
                noteCut(book.book().bids());
                noteCut(book.book().asks());
                cut.endSection(book, false, -1);
            }
            book.book().truncate(maxDepth);
            // The venue sends its best levels to the depth: a side that fills it has more beyond, unknown here.
            book.book().bids().setTruncated(book.book().bids().depth() >= maxDepth);
            book.book().asks().setTruncated(book.book().asks().depth() >= maxDepth);
        }
        book.recordUpdate(receiveNanos);
    }

    private void noteCut(BookSide side) {
        for (int level = maxDepth; level < side.depth(); level++) {
            cut.addLevel(side.side(), side.price(level), 0);
        }
    }

    /** Marks a book consistent after a snapshot or update passed every check. */
    public void live(VenueBook book) {
        if (book.state() != BookState.LIVE) {
            change(book, BookState.LIVE, StateCause.SNAPSHOT, book.book().bids().depth() + " bids, " + book.book().asks().depth() + " asks");
        }
    }

    /**
     * Marks a book broken: its levels are dropped, so that nothing can sweep them, until a fresh snapshot arrives.
     * A book already broken stays so without a second report.
     */
    public void broken(VenueBook book, StateCause cause, String reason) {
        if (book.state() == BookState.BROKEN) {
            return;
        }
        book.book().clear();
        book.recordResync();
        change(book, BookState.BROKEN, cause, reason);
    }

    /** Marks every book of the connection broken (a sequence gap, or a frame that could have concerned any). */
    public void brokenAll(StateCause cause, String reason) {
        for (VenueBook book : books) {
            broken(book, cause, reason);
        }
    }

    /** Marks every book as waiting for a fresh snapshot, after the connection (re)connected or was lost. */
    public void resyncing(StateCause cause, String reason) {
        for (VenueBook book : books) {
            book.book().clear();
            change(book, BookState.SYNCING, cause, reason);
        }
    }

    /**
     * Marks one book as waiting for a fresh snapshot on the same connection: the one it has proved stale. Its levels are
     * dropped, so that nothing can sweep them until the new one is applied.
     */
    public void resyncing(VenueBook book, StateCause cause, String reason) {
        book.book().clear();
        book.recordResync();
        change(book, BookState.SYNCING, cause, reason);
    }

    /**
     * Marks the books still waiting for their snapshot rejected: the venue refused the subscription. A snapshot that
     * arrives after all makes a book live as usual.
     */
    public void rejected(String reason) {
        for (VenueBook book : books) {
            if (book.state() == BookState.SYNCING) {
                change(book, BookState.REJECTED, StateCause.REFUSED, reason);
            }
        }
    }

    /** Marks every book unreachable: no connection could be opened to the venue. Their levels are dropped. */
    public void unreachable(String reason) {
        for (VenueBook book : books) {
            book.book().clear();
            change(book, BookState.UNREACHABLE, StateCause.DISCONNECT, reason);
        }
    }

    /** Marks live books stale: the venue has been silent too long for them to be trusted as current. */
    public void stale(String reason) {
        for (VenueBook book : books) {
            if (book.state() == BookState.LIVE) {
                change(book, BookState.STALE, StateCause.STALL, reason);
            }
        }
    }

    /** Marks stale books live again: the venue spoke, and TCP lost nothing in between. Called for every frame. */
    public void alive() {
        for (VenueBook book : books) {
            if (book.state() == BookState.STALE) {
                change(book, BookState.LIVE, StateCause.RESUMED, "frames again");
            }
        }
    }

    /** The one place a book's state changes, and so the one place its change is told. */
    private void change(VenueBook book, BookState to, StateCause cause, String reason) {
        BookState from = book.state();
        if (from != to) {
            book.setState(to);
            listener.onBookState(book, from, to, cause, reason);
        }
    }

    /**
     * The checks every venue shares on an applied book: the best bid must stay below the best ask, and no side may
     * hold more than the level limit.
     */
    public boolean checkShared(VenueBook book) {
        if (book.book().isCrossed()) {
            broken(book, StateCause.CROSSED, "crossed book after " + (book.updates() <= 1 ? "the snapshot" : "an update"));
            return false;
        }
        if (book.book().bids().depth() > maxLevels || book.book().asks().depth() > maxLevels) {
            broken(book, StateCause.OVERFLOW, "more than " + maxLevels + " levels on a side");
            return false;
        }
        return true;
    }
}
