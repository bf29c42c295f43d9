package dev.sweep.record;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.venue.FeedAdapter;
import dev.sweep.venue.FeedListener;
import dev.sweep.venue.StateCause;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.Venues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds books from a recording: each frame goes to its venue's adapter, as it did live, each REST snapshot to the
 * adapter that asked for it, and a new connection number starts the venue's books afresh. No network, no clock: as fast as the adapters go.
 */
public final class Replay implements RecordingListener {

    private final Map<String, VenueReplay> venues = new LinkedHashMap<>();
    private long frames;
    private long bytes;
    private long rejected;
    private long broken;

    @Override
    public void onSubscription(String venue, List<String> symbols) {
        Venue known = Venues.byName(venue).orElseThrow(() -> new IllegalArgumentException(
                "the recording has frames of an unknown venue: " + venue));
        venues.put(venue, new VenueReplay(known, symbols.stream().map(Instrument::of).toList()));
    }

    @Override
    public void onFrame(String venue, int connection, long receiveEpochNanos, byte[] buffer, int offset, int length) {
        VenueReplay replay = venues.get(venue);
        if (replay == null) {
            throw new IllegalArgumentException("a frame of " + venue + " comes before its subscription record");
        }
        replay.onFrame(connection, receiveEpochNanos, buffer, offset, length);
        frames++;
        bytes += length;
    }

    @Override
    public void onSnapshot(String venue, int connection, long receiveEpochNanos, String symbol, byte[] buffer,
                           int offset, int length) {
        VenueReplay replay = venues.get(venue);
        if (replay == null) {
            throw new IllegalArgumentException("a snapshot of " + venue + " comes before its subscription record");
        }
        replay.onSnapshot(connection, receiveEpochNanos, Instrument.of(symbol), buffer, offset, length);
    }

    /** Frames replayed. */
    public long frames() {
        return frames;
    }

    /** Frame bytes replayed. */
    public long bytes() {
        return bytes;
    }

    /** Frames the adapters rejected. */
    public long rejected() {
        return rejected;
    }

    /** Times a book was found broken. */
    public long broken() {
        return broken;
    }

    /** Every venue's book of the instrument, in recorded order. */
    public List<VenueBook> books(Instrument instrument) {
        List<VenueBook> books = new ArrayList<>();
        for (VenueReplay replay : venues.values()) {
            for (int i = 0; i < replay.books.size(); i++) {
                if (replay.books.get(i).instrument().equals(instrument)) {
                    books.add(replay.books.get(i));
                }
            }
        }
        return books;
    }

    /** The instruments recorded. */
    public List<Instrument> instruments() {
        List<Instrument> instruments = new ArrayList<>();
        for (VenueReplay replay : venues.values()) {
            for (int i = 0; i < replay.books.size(); i++) {
                Instrument instrument = replay.books.get(i).instrument();
                if (!instruments.contains(instrument)) {
                    instruments.add(instrument);
                }
            }
        }
        return instruments;
    }

    /** One venue's books and adapter, and the connection its frames came from. */
    private final class VenueReplay implements FeedListener {

        private final Venue venue;
        private final VenueBooks books;
        private FeedAdapter adapter;
        private int connection = -1;

        VenueReplay(Venue venue, List<Instrument> instruments) {
            this.venue = venue;
            this.books = venue.newBooks(instruments, this);
        }

        void onFrame(int frameConnection, long receiveEpochNanos, byte[] buffer, int offset, int length) {
            if (frameConnection != connection) {
                books.resyncing(StateCause.CONNECTED, "a new connection in the recording");
                adapter = venue.newAdapter(books);
                connection = frameConnection;
            }
            adapter.onFrame(buffer, offset, length, receiveEpochNanos);
        }

        /**
         * Hands the adapter the snapshot it asked for live. A snapshot of another connection than the current one's
         * never reached an adapter live (the feed drops the answers to a closed connection), so it does not here.
         */
        void onSnapshot(int snapshotConnection, long receiveEpochNanos, Instrument instrument, byte[] buffer,
                        int offset, int length) {
            if (snapshotConnection != connection) {
                rejected++;
                return;
            }
            for (int i = 0; i < books.size(); i++) {
                if (books.get(i).instrument().equals(instrument)) {
                    adapter.onSnapshot(books.get(i), buffer, offset, length, receiveEpochNanos);
                    return;
                }
            }
            rejected++;
        }

        @Override
        public void onBookState(VenueBook book, BookState from, BookState to, StateCause cause, String reason) {
            if (to == BookState.BROKEN) {
                broken++;
            }
        }

        @Override
        public void onFrameRejected(String reason) {
            rejected++;
        }
    }
}
