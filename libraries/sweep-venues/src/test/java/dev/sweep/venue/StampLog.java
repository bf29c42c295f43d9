package dev.sweep.venue;

import dev.sweep.core.Side;
import java.util.ArrayList;
import java.util.List;

/** A listener attached to a connection's books that notes what the venue said of each snapshot and update applied. */
public final class StampLog implements BookListener {

    /** A completed snapshot or update: the book's symbol, the venue's sequence and its time. */
    public record Stamp(String symbol, long venueSeq, long venueNanos) {
    }

    private final List<Stamp> stamps = new ArrayList<>();

    /** The stamps, in the order the snapshots and updates were applied. */
    public List<Stamp> stamps() {
        return List.copyOf(stamps);
    }

    @Override
    public void onSnapshot(VenueBook book) {
        // Only the stamps are noted.
    }

    @Override
    public void onLevel(VenueBook book, Side side, long price, long size) {
        // Only the stamps are noted.
    }

    @Override
    public void onApplied(VenueBook book, long receiveNanos, long venueSeq, long venueNanos) {
        stamps.add(new Stamp(book.instrument().symbol(), venueSeq, venueNanos));
    }
}
