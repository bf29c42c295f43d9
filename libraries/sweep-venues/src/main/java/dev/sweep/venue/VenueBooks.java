package dev.sweep.venue;

import dev.sweep.core.BookSide;
import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.venue.json.JsonCursor;
import java.util.List;

/**
 * The books one connection keeps, and the rules every venue shares for changing them: a snapshot replaces a book,
 * an update needs a live book, levels beyond the subscribed depth are dropped, a crossed book is broken. Venue
 * adapters add their own checks (checksums, sequence numbers) on top and report through the same transitions,
 * which tell the {@link FeedListener}.
 */
public final class VenueBooks {

    /**
     * Most levels a side may hold (Coinbase's deepest books hold tens of thousands): a venue that sends more is
     * flooding, and the book is rebuilt rather than allowed to grow without bound. About 4 MB per side at most.
     */
    public static final int MAX_LEVELS_PER_SIDE = 250_000;

    private final VenueBook[] books;
    private final int maxDepth;
    private final int maxLevels;
    private final FeedListener listener;

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

    /** Where adapters report what is not a book state change (acks, heartbeats, rejected frames, venue errors). */
    public FeedListener listener() {
        return listener;
    }

    /**
     * Applies one staged section to its book: a snapshot replaces the levels, an update changes them, then the book is
     * cut to the subscribed depth. An update for a book that has no snapshot yet is not applied.
     *
     * @return whether the section was applied
     */
    public boolean apply(LevelBatch batch, int section, long receiveNanos) {
        VenueBook venueBook = batch.sectionBook(section);
        OrderBook book = venueBook.book();
        if (batch.isSnapshot(section)) {
            book.clear();
        } else if (venueBook.state() != BookState.LIVE && venueBook.state() != BookState.STALE) {
            return false;
        }
        int shallowest = batch.isSnapshot(section) ? 0 : Integer.MAX_VALUE;
        for (int level = batch.sectionStart(section); level < batch.sectionEnd(section); level++) {
            Side side = batch.side(level);
            int changed = book.set(side, batch.price(level), batch.size(level));
            if (changed != BookSide.UNCHANGED) {
                shallowest = Math.min(shallowest, changed);
            }
        }
        if (maxDepth > 0) {
            book.truncate(maxDepth);
        }
        venueBook.recordUpdate(receiveNanos, shallowest);
        return true;
    }

    /** Marks a book consistent after a snapshot or update passed every check. */
    public void live(VenueBook book) {
        BookState previous = book.state();
        book.setState(BookState.LIVE);
        if (previous != BookState.LIVE) {
            listener.onBookLive(book);
        }
    }

    /**
     * Marks a book broken: its levels are dropped, so that nothing can sweep them, until a fresh snapshot arrives.
     * A book already broken stays so without a second report.
     */
    public void broken(VenueBook book, String reason) {
        if (book.state() == BookState.BROKEN) {
            return;
        }
        book.setState(BookState.BROKEN);
        book.book().clear();
        book.recordResync();
        listener.onBookBroken(book, reason);
    }

    /** Marks every book of the connection broken (a sequence gap, or a frame that could have concerned any). */
    public void brokenAll(String reason) {
        for (VenueBook book : books) {
            broken(book, reason);
        }
    }

    /** Marks every book as waiting for a fresh snapshot, after the connection (re)connected. */
    public void resyncing() {
        for (VenueBook book : books) {
            book.book().clear();
            book.setState(BookState.SYNCING);
        }
    }

    /**
     * Marks the books still waiting for their snapshot rejected: the venue refused the subscription. A snapshot that
     * arrives after all makes a book live as usual.
     */
    public void rejected() {
        for (VenueBook book : books) {
            if (book.state() == BookState.SYNCING) {
                book.setState(BookState.REJECTED);
            }
        }
    }

    /** Marks every book unreachable: no connection could be opened to the venue. Their levels are dropped. */
    public void unreachable() {
        for (VenueBook book : books) {
            book.book().clear();
            book.setState(BookState.UNREACHABLE);
        }
    }

    /** Marks live books stale: the venue has been silent too long for them to be trusted as current. */
    public void stale() {
        for (VenueBook book : books) {
            if (book.state() == BookState.LIVE) {
                book.setState(BookState.STALE);
            }
        }
    }

    /** Marks stale books live again: the venue spoke, and TCP lost nothing in between. */
    public void alive() {
        for (VenueBook book : books) {
            if (book.state() == BookState.STALE) {
                book.setState(BookState.LIVE);
            }
        }
    }

    /**
     * The checks every venue shares on an applied book: the best bid must stay below the best ask, and no side may
     * hold more than the level limit.
     */
    public boolean checkShared(VenueBook book) {
        if (book.book().isCrossed()) {
            broken(book, "crossed book after " + (book.updates() <= 1 ? "the snapshot" : "an update"));
            return false;
        }
        if (book.book().bids().depth() > maxLevels || book.book().asks().depth() > maxLevels) {
            broken(book, "more than " + maxLevels + " levels on a side");
            return false;
        }
        return true;
    }
}
