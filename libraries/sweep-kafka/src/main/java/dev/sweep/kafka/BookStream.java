package dev.sweep.kafka;

import dev.sweep.core.BookSide;
import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.venue.LevelBatch;
import java.util.function.LongSupplier;

/**
 * The events of one book as a publisher writes them: numbered without gaps in epochs, a SNAPSHOT at every (re)sync,
 * after every N events and once the snapshot interval passed, and a new epoch when an event was lost on its way.
 * Keeps its own copy of the book to write SNAPSHOTs from. A DELTA is staged and encoded in buffers reused from frame
 * to frame: the feed's thread allocates nothing here.
 *
 * <p>Called on the book's connection's thread, but {@link #lost} from any and {@link #heartbeat} from the publisher's
 * timer: the methods that number events hold the object's lock, which the connection's thread alone almost always
 * finds free.
 */
final class BookStream {

    private final String key;
    private final byte[] venue;
    private final byte[] symbol;
    private final Instrument instrument;
    private final KafkaSettings settings;
    private final EventSink sink;
    private final LongSupplier wallNanos;
    private final LongSupplier epochs;
    private final OrderBook book;
    /** The levels of the frame being staged, {@code pendingCount} of them. */
    private final LevelBatch pending = new LevelBatch();
    private int pendingCount;
    private final EventWriter writer = new EventWriter();
    private final Runnable lostCallback = this::lost;
    private boolean snapshotting;
    /** Whether the book holds a snapshot and every change since (it does not after a non-live state). */
    private boolean whole;
    private long epoch;
    private long seq;
    private int sinceSnapshot;
    private long lastSnapshotNanos;
    /** When the last event was sent, nanoseconds since 1970: a heartbeat is due once the interval passed since. */
    private long lastSentNanos;
    /** The feed's state of the book and why, as its last STATE event said: what a heartbeat repeats. */
    private BookState state = BookState.SYNCING;
    private byte[] reason = new byte[0];
    private volatile boolean lost;

    /**
     * @param wallNanos nanoseconds since 1970, for the times of STATE events
     * @param epochs    a new epoch on every call, larger than every one before
     */
    BookStream(String venue, Instrument instrument, KafkaSettings settings, EventSink sink, LongSupplier wallNanos,
               LongSupplier epochs) {
        this.key = BookEvent.key(venue, instrument.symbol());
        this.venue = EventWriter.utf8(venue);
        this.symbol = EventWriter.utf8(instrument.symbol());
        this.instrument = instrument;
        this.settings = settings;
        this.sink = sink;
        this.wallNanos = wallNanos;
        this.book = new OrderBook(venue, instrument, 0);
        this.epochs = epochs;
        this.epoch = epochs.getAsLong();
        this.lastSentNanos = wallNanos.getAsLong();
    }

    void onSnapshot() {
        clearPending();
        snapshotting = true;
    }

    void onLevel(Side side, long price, long size) {
        if (pending.addLevel(side, price, size)) {
            pendingCount++;
        }
    }

    /**
     * The snapshot or update is complete: write it, opening a new epoch when it is a snapshot or one was lost. A
     * SNAPSHOT written after it shows the book as of the same message, and carries the same venue sequence and time.
     *
     * @param receiveNanos when its frame was received, nanoseconds since 1970
     * @param venueSeq     the venue's sequence number of the message, or {@link BookEvent#NONE}
     * @param venueNanos   when the venue sent it, nanoseconds since 1970, or {@link BookEvent#NONE}
     */
    synchronized void onApplied(long receiveNanos, long venueSeq, long venueNanos) {
        if (snapshotting) {
            book.clear();
            whole = true;
        }
        for (int level = 0; level < pendingCount; level++) {
            book.set(pending.side(level), pending.price(level), pending.size(level));
        }
        if (!whole) {
            // An update before any snapshot: the feed forwards none, so nothing can be built on it.
            clearPending();
            return;
        }
        if (snapshotting || lost) {
            lost = false;
            epoch = epochs.getAsLong();
            seq = 0;
            snapshot(receiveNanos, venueSeq, venueNanos);
        } else {
            start(BookEvent.Type.DELTA, receiveNanos, venueSeq, venueNanos, BookState.LIVE, null, pendingCount);
            for (int level = 0; level < pendingCount; level++) {
                writer.level(pending.side(level), pending.price(level), pending.size(level));
            }
            send(receiveNanos, false);
            if (sinceSnapshot >= settings.snapshotEvery()
                    || receiveNanos - lastSnapshotNanos >= settings.snapshotInterval().toNanos()) {
                snapshot(receiveNanos, venueSeq, venueNanos);
            }
        }
        snapshotting = false;
        clearPending();
    }

    /** The feed's book changed state; a book that is not live or stale has lost its levels until its next snapshot. */
    synchronized void onState(BookState to, String why) {
        if (to != BookState.LIVE && to != BookState.STALE) {
            whole = false;
            book.clear();
        }
        state = to;
        reason = EventWriter.utf8(why);
        sendState(wallNanos.getAsLong());
    }

    /**
     * Repeats the book's state when no event of it was sent for the interval, so that a reader tells a quiet book from
     * a publisher that is gone (FORMAT.md): a heartbeat is a STATE event like any, numbered in the epoch.
     *
     * @param nowNanos the time, nanoseconds since 1970
     */
    synchronized void heartbeat(long nowNanos, long intervalNanos) {
        if (nowNanos - lastSentNanos >= intervalNanos) {
            sendState(nowNanos);
        }
    }

    /** An event of this book was not delivered: its next event opens a new epoch with a SNAPSHOT. */
    void lost() {
        lost = true;
    }

    private void sendState(long nowNanos) {
        start(BookEvent.Type.STATE, nowNanos, BookEvent.NONE, BookEvent.NONE, state, reason, 0);
        send(nowNanos, false);
    }

    private void snapshot(long receiveNanos, long venueSeq, long venueNanos) {
        start(BookEvent.Type.SNAPSHOT, receiveNanos, venueSeq, venueNanos, BookState.LIVE, null,
                book.bids().depth() + book.asks().depth());
        writeLevels(book.bids());
        writeLevels(book.asks());
        send(receiveNanos, true);
        sinceSnapshot = 0;
        lastSnapshotNanos = receiveNanos;
    }

    private void writeLevels(BookSide side) {
        for (int level = 0; level < side.depth(); level++) {
            writer.level(side.side(), side.price(level), side.size(level));
        }
    }

    private void start(BookEvent.Type type, long nanos, long venueSeq, long venueNanos, BookState eventState,
                       byte[] why, int levels) {
        writer.start(type, venue, symbol, epoch, ++seq, venueSeq, nanos, venueNanos, BookEvent.NONE,
                instrument.priceScale(), instrument.sizeScale(), eventState, why, levels);
    }

    private void send(long nanos, boolean toSnapshots) {
        sinceSnapshot++;
        lastSentNanos = nanos;
        sink.publish(key, writer.buffer(), writer.length(), toSnapshots, lostCallback);
    }

    private void clearPending() {
        pending.clear();
        pendingCount = 0;
    }
}
