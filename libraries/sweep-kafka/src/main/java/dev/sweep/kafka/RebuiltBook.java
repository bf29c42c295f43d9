package dev.sweep.kafka;

import dev.sweep.core.BookCut;
import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.feed.BookStateChange;
import dev.sweep.feed.BookView;
import dev.sweep.venue.StateCause;
import dev.sweep.venue.Venues;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * One book rebuilt from its events on Kafka, with the integrity rules of FORMAT.md: a SNAPSHOT is loaded whole; an
 * event of the epoch held whose {@code seq} is the last one + 1 is applied; one already held (same epoch, lower
 * {@code seq}) or of an older epoch is skipped; anything else lost events, and the book is BROKEN, its levels
 * dropped, until a SNAPSHOT past the loss: the next one on the events topic, or one the reader finds on the snapshots
 * topic ({@link #rebuild}). Events that stop for the settings' while make a live book STALE.
 *
 * <p>A book that is not held (before its first SNAPSHOT, after a gap, or while the publisher's book is not live)
 * takes the next SNAPSHOT of its epoch or a later one, whatever its {@code seq}: it is whole on its own. One that
 * hears of its publisher's whole book meanwhile (a DELTA, a LIVE or STALE state) wants a snapshot from the snapshots
 * topic ({@link #snapshotWanted}): the reader began after the SNAPSHOT its events follow, or lost events.
 *
 * <p>Changed on the reader's thread, copied on the querying threads: every method holds the object's lock.
 */
final class RebuiltBook {

    private final String venue;
    private final OrderBook book;
    private final Consumer<BookStateChange> states;
    private BookState state = BookState.SYNCING;
    private String reason = "waiting for a snapshot from Kafka";
    /** Whether the book holds a snapshot and every change since. */
    private boolean held;
    /** The publisher's state of the held book: LIVE or STALE. */
    private BookState published = BookState.LIVE;
    /** Whether this reader found the events silent too long. */
    private boolean silent;
    private long epoch = Long.MIN_VALUE;
    private long seq;
    /**
     * A snapshot must be past this event to rebuild the book: where the book was whole last before it lost events, or
     * where its publisher's book stopped being whole (a snapshot before that is followed by the same stop).
     */
    private long pastEpoch = Long.MIN_VALUE;
    private long pastSeq;
    /** Since when (System.nanoTime()) the book has wanted a snapshot from the snapshots topic, if it does. */
    private boolean wanted;
    private long wantedSinceNanos;
    /**
     * The events-topic offset of the book's next record: one below it was applied already, or is older than the
     * snapshot the book was rebuilt from. Used on the reader's thread only.
     */
    long nextOffset;
    private long lastEventNanos;
    private long lastAppliedNanos;
    private long updates;
    private long resyncs;
    private String lastProblem;

    RebuiltBook(String venue, Instrument instrument, Consumer<BookStateChange> states) {
        this.venue = venue;
        this.book = new OrderBook(venue, instrument, Venues.byName(venue).map(known -> known.pricePrecision(instrument))
                .orElse(instrument.priceScale()));
        this.states = states;
    }

    /** Applies an event of the book read from the events topic, at the time given (System.nanoTime()). */
    synchronized void apply(BookEvent event, long nowNanos) {
        lastEventNanos = nowNanos;
        if (event.epoch() < epoch || held && event.epoch() == epoch && event.seq() <= seq) {
            return;
        }
        if (event.type() == BookEvent.Type.SNAPSHOT) {
            load(event, nowNanos);
            return;
        }
        boolean lost = held && (event.epoch() != epoch || event.seq() != seq + 1);
        if (lost) {
            lost(event);
        }
        epoch = event.epoch();
        seq = event.seq();
        if (event.type() == BookEvent.Type.DELTA) {
            if (held) {
                for (LevelChange level : event.levels()) {
                    book.set(level.side(), level.price(), level.size());
                }
                updates++;
                lastAppliedNanos = nowNanos;
                if (silent) {
                    silent = false;
                    show(StateCause.RESUMED, "events again");
                }
            }
        } else if (event.state() == BookState.LIVE || event.state() == BookState.STALE) {
            if (held) {
                // A STATE event of a held book is also the publisher's heartbeat: it is there, the book is quiet.
                silent = false;
                published = event.state();
                show(StateCause.UPSTREAM, event.reason());
            }
        } else {
            pastEpoch = event.epoch();
            pastSeq = event.seq();
            drop(event.state(), StateCause.UPSTREAM, event.reason());
            wanted = false;
            return;
        }
        if (!held && !wanted) {
            // The publisher's book is whole, this one is not: the SNAPSHOT of these events is behind the reader.
            wanted = true;
            wantedSinceNanos = nowNanos;
        }
    }

    /**
     * Since when (System.nanoTime()) the book has wanted a snapshot from the snapshots topic ({@link #rebuild}), if it
     * does: it lost events, or it heard of its publisher's whole book and holds none.
     */
    synchronized OptionalLong snapshotWanted() {
        return wanted ? OptionalLong.of(wantedSinceNanos) : OptionalLong.empty();
    }

    /**
     * Loads a snapshot of the snapshots topic into a book that wants one, when it is past where the book was whole
     * last (the loss lies before it) and where its publisher's book stopped being whole.
     *
     * @return whether the snapshot was loaded: the book's events follow its events offset
     */
    synchronized boolean rebuild(BookEvent snapshot, long nowNanos) {
        if (held || snapshot.epoch() < pastEpoch || snapshot.epoch() == pastEpoch && snapshot.seq() <= pastSeq) {
            return false;
        }
        load(snapshot, nowNanos);
        return true;
    }

    private void load(BookEvent event, long nowNanos) {
        book.clear();
        for (LevelChange level : event.levels()) {
            book.set(level.side(), level.price(), level.size());
        }
        epoch = event.epoch();
        seq = event.seq();
        held = true;
        wanted = false;
        published = BookState.LIVE;
        silent = false;
        updates++;
        lastAppliedNanos = nowNanos;
        show(StateCause.SNAPSHOT, book.bids().depth() + " bids, " + book.asks().depth() + " asks from Kafka");
    }

    private void lost(BookEvent event) {
        String why = event.epoch() == epoch
                ? "lost events on Kafka: seq " + event.seq() + " after " + seq
                : "epoch " + event.epoch() + " on Kafka began without its snapshot";
        resyncs++;
        lastProblem = why;
        pastEpoch = epoch;
        pastSeq = seq;
        drop(BookState.BROKEN, StateCause.SEQUENCE_GAP, why);
    }

    private void drop(BookState to, StateCause cause, String why) {
        held = false;
        book.clear();
        change(to, cause, why);
    }

    /** The held book's state: the publisher's, unless this reader found its events silent. */
    private void show(StateCause cause, String why) {
        change(silent ? BookState.STALE : published, cause, why);
    }

    /** Marks a live book STALE when no event of it came since {@code staleNanos} ago. */
    synchronized void checkSilence(long nowNanos, long staleNanos, String why) {
        if (held && !silent && nowNanos - lastEventNanos > staleNanos) {
            silent = true;
            show(StateCause.STALL, why);
        }
    }

    private void change(BookState to, StateCause cause, String why) {
        reason = why;
        if (to != state) {
            BookState from = state;
            state = to;
            states.accept(new BookStateChange(venue, book.instrument(), book.instrument().symbol(), from, to, cause,
                    why));
        }
    }

    /** Marks a book that has heard nothing yet with why (the topics are missing, the brokers are away). */
    synchronized void waiting(String why) {
        if (!held) {
            change(state, StateCause.DISCONNECT, why);
            lastProblem = why;
        }
    }

    synchronized BookView view(BookCut cut, OrderBook copy, long nowNanos) {
        copy.copyFrom(book, cut);
        return new BookView(venue, state, Venues.isVerified(venue), copy,
                updates == 0 ? -1 : nowNanos - lastAppliedNanos, updates, resyncs,
                state == BookState.LIVE ? lastProblem : reason);
    }

    synchronized BookState state() {
        return state;
    }
}
