package dev.sweep.kafka;

import dev.sweep.core.BookSide;
import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The events of one book as a publisher writes them: numbered without gaps in epochs, a SNAPSHOT at every (re)sync,
 * after every N events and once the snapshot interval passed, and a new epoch when an event was lost on its way.
 * Keeps its own copy of the book to write SNAPSHOTs from.
 *
 * <p>Called on the book's connection's thread, but {@link #lost} from any and {@link #heartbeat} from the publisher's
 * timer: the methods that number events hold the object's lock, which the connection's thread alone almost always
 * finds free.
 */
final class BookStream {

    private final String venue;
    private final Instrument instrument;
    private final KafkaSettings settings;
    private final EventSink sink;
    private final LongSupplier wallNanos;
    private final LongSupplier epochs;
    private final OrderBook book;
    private final List<LevelChange> pending = new ArrayList<>();
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
    private String reason = "";
    private volatile boolean lost;

    /**
     * @param wallNanos nanoseconds since 1970, for the times of STATE events
     * @param epochs    a new epoch on every call, larger than every one before
     */
    BookStream(String venue, Instrument instrument, KafkaSettings settings, EventSink sink, LongSupplier wallNanos,
               LongSupplier epochs) {
        this.venue = venue;
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
        pending.clear();
        snapshotting = true;
    }

    void onLevel(Side side, long price, long size) {
        pending.add(new LevelChange(side, price, size));
    }

    /**
     * The snapshot or update is complete: write it, opening a new epoch when it is a snapshot or one was lost.
     *
     * @param receiveNanos when its frame was received, nanoseconds since 1970
     */
    synchronized void onApplied(long receiveNanos) {
        if (snapshotting) {
            book.clear();
            whole = true;
        }
        for (LevelChange level : pending) {
            book.set(level.side(), level.price(), level.size());
        }
        if (!whole) {
            // An update before any snapshot: the feed forwards none, so nothing can be built on it.
            pending.clear();
            return;
        }
        if (snapshotting || lost) {
            lost = false;
            epoch = epochs.getAsLong();
            seq = 0;
            snapshot(receiveNanos);
        } else {
            send(new BookEvent(BookEvent.Type.DELTA, venue, instrument.symbol(), epoch, ++seq, BookEvent.NONE,
                    receiveNanos, BookEvent.NONE, instrument.priceScale(), instrument.sizeScale(), pending,
                    BookState.LIVE, "", BookEvent.NONE), false);
            if (sinceSnapshot >= settings.snapshotEvery()
                    || receiveNanos - lastSnapshotNanos >= settings.snapshotInterval().toNanos()) {
                snapshot(receiveNanos);
            }
        }
        snapshotting = false;
        pending.clear();
    }

    /** The feed's book changed state; a book that is not live or stale has lost its levels until its next snapshot. */
    synchronized void onState(BookState to, String why) {
        if (to != BookState.LIVE && to != BookState.STALE) {
            whole = false;
            book.clear();
        }
        state = to;
        reason = why;
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

    private void sendState(long nowNanos) {
        send(new BookEvent(BookEvent.Type.STATE, venue, instrument.symbol(), epoch, ++seq, BookEvent.NONE,
                nowNanos, BookEvent.NONE, instrument.priceScale(), instrument.sizeScale(), List.of(), state,
                reason, BookEvent.NONE), false);
    }

    /** An event of this book was not delivered: its next event opens a new epoch with a SNAPSHOT. */
    void lost() {
        lost = true;
    }

    private void snapshot(long receiveNanos) {
        List<LevelChange> levels = new ArrayList<>(book.bids().depth() + book.asks().depth());
        addLevels(book.bids(), levels);
        addLevels(book.asks(), levels);
        send(new BookEvent(BookEvent.Type.SNAPSHOT, venue, instrument.symbol(), epoch, ++seq, BookEvent.NONE,
                receiveNanos, BookEvent.NONE, instrument.priceScale(), instrument.sizeScale(), levels, BookState.LIVE,
                "", BookEvent.NONE), true);
        sinceSnapshot = 0;
        lastSnapshotNanos = receiveNanos;
    }

    private static void addLevels(BookSide side, List<LevelChange> levels) {
        for (int level = 0; level < side.depth(); level++) {
            levels.add(new LevelChange(side.side(), side.price(level), side.size(level)));
        }
    }

    private void send(BookEvent event, boolean toSnapshots) {
        sinceSnapshot++;
        lastSentNanos = event.receiveNanos();
        sink.publish(event, toSnapshots, lostCallback);
    }
}
