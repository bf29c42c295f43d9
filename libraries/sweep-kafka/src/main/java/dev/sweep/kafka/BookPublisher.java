package dev.sweep.kafka;

import dev.sweep.core.Instrument;
import dev.sweep.core.Side;
import dev.sweep.feed.BookStateChange;
import dev.sweep.venue.BookListener;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueBook;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns the feeds' books into the events of the Kafka topics (FORMAT.md): a {@link BookListener} for each
 * connection's books ({@link #listenerFor}) and a listener of their changes of state ({@link #accept}), both called on
 * the connections' threads. One publisher is the one writer of its books' keys.
 */
public final class BookPublisher implements Consumer<BookStateChange>, AutoCloseable {

    private final KafkaSettings settings;
    private final EventSink sink;
    private final Map<String, BookStream> streams = new ConcurrentHashMap<>();
    /** Epochs grow across books and across restarts of the publisher: never below the wall clock in milliseconds. */
    private final AtomicLong epochs = new AtomicLong();
    /** Adds to {@link System#nanoTime()} to give nanoseconds since 1970. */
    private final long wallOffsetNanos = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
    private final LongSupplier clock;
    private final ScheduledExecutorService heartbeats;

    /** A publisher that repeats each quiet book's state every heartbeat interval, on a timer thread of its own. */
    public BookPublisher(KafkaSettings settings, EventSink sink) {
        this.settings = settings;
        this.sink = sink;
        this.clock = this::wallNanos;
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kafka-heartbeats");
            thread.setDaemon(true);
            return thread;
        });
        // A quarter of the interval: a book quiet for the interval waits at most a quarter more for its heartbeat.
        long period = Math.max(1, settings.heartbeatInterval().toMillis() / 4);
        heartbeats.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * A publisher without a timer, on a clock of the caller's: its heartbeats are due when {@link #heartbeat} is
     * called.
     *
     * @param clock nanoseconds since 1970
     */
    BookPublisher(KafkaSettings settings, EventSink sink, LongSupplier clock) {
        this.settings = settings;
        this.sink = sink;
        this.clock = clock;
        this.heartbeats = null;
    }

    /** Sends a heartbeat for each book that had no event for the heartbeat interval. */
    void heartbeat() {
        long now = clock.getAsLong();
        long interval = settings.heartbeatInterval().toNanos();
        for (BookStream stream : streams.values()) {
            stream.heartbeat(now, interval);
        }
    }

    /** Stops the heartbeats; the feeds stop calling the listeners on their own. */
    @Override
    public void close() {
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
    }

    /** The listener to attach to one connection's books. */
    public BookListener listenerFor(Venue venue) {
        return new ConnectionListener(venue.name());
    }

    /** A book's change of state, as a STATE event. */
    @Override
    public void accept(BookStateChange change) {
        stream(change.venue(), change.instrument()).onState(change.to(), change.reason());
    }

    private long nextEpoch() {
        return epochs.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
    }

    private BookStream stream(String venue, Instrument instrument) {
        return streams.computeIfAbsent(BookEvent.key(venue, instrument.symbol()),
                key -> new BookStream(venue, instrument, settings, sink, clock, this::nextEpoch));
    }

    /** The publisher's clock as its events' receive times read it: nanoseconds since 1970. */
    public long wallNanos() {
        return System.nanoTime() + wallOffsetNanos;
    }

    /** One connection's books, found by their index without a lookup per level. */
    private final class ConnectionListener implements BookListener {

        private final String venue;
        private BookStream[] byIndex = new BookStream[0];

        ConnectionListener(String venue) {
            this.venue = venue;
        }

        private BookStream of(VenueBook book) {
            if (book.index() >= byIndex.length) {
                byIndex = Arrays.copyOf(byIndex, book.index() + 1);
            }
            BookStream stream = byIndex[book.index()];
            if (stream == null) {
                stream = stream(venue, book.instrument());
                byIndex[book.index()] = stream;
            }
            return stream;
        }

        @Override
        public void onSnapshot(VenueBook book) {
            of(book).onSnapshot();
        }

        @Override
        public void onLevel(VenueBook book, Side side, long price, long size) {
            of(book).onLevel(side, price, size);
        }

        @Override
        public void onApplied(VenueBook book, long receiveNanos, long venueSeq, long venueNanos) {
            of(book).onApplied(receiveNanos + wallOffsetNanos, venueSeq, venueNanos);
        }
    }
}
