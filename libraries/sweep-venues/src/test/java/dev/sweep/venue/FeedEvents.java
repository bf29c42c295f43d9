package dev.sweep.venue;

import java.util.ArrayList;
import java.util.List;

/** Records what a feed adapter reports, as values, so tests can assert the exact sequence of events. */
public final class FeedEvents implements FeedListener {

    public sealed interface Event permits Subscribed, Live, Broken, Heartbeat, VenueError, Rejected, SnapshotWanted {
    }

    public record Subscribed(String symbol) implements Event {
    }

    public record Live(String symbol) implements Event {
    }

    public record Broken(String symbol, String reason) implements Event {
    }

    public record Heartbeat() implements Event {
    }

    public record VenueError(String message) implements Event {
    }

    public record Rejected(String reason) implements Event {
    }

    public record SnapshotWanted(String symbol, int attempt, String reason) implements Event {
    }

    private final List<Event> events = new ArrayList<>();
    private final List<SnapshotWanted> wantedSnapshots = new ArrayList<>();

    public List<Event> events() {
        return events;
    }

    /** The snapshots asked for and not yet taken, oldest first; forgets them. */
    public List<SnapshotWanted> takeWantedSnapshots() {
        List<SnapshotWanted> wanted = List.copyOf(wantedSnapshots);
        wantedSnapshots.clear();
        return wanted;
    }

    /** Returns the events so far and forgets them. */
    public List<Event> drain() {
        List<Event> drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    @Override
    public void onSubscribed(VenueBook book) {
        events.add(new Subscribed(book.instrument().symbol()));
    }

    @Override
    public void onBookLive(VenueBook book) {
        events.add(new Live(book.instrument().symbol()));
    }

    @Override
    public void onBookBroken(VenueBook book, String reason) {
        events.add(new Broken(book.instrument().symbol(), reason));
    }

    @Override
    public void onHeartbeat() {
        events.add(new Heartbeat());
    }

    @Override
    public void onVenueError(String message) {
        events.add(new VenueError(message));
    }

    @Override
    public void onFrameRejected(String reason) {
        events.add(new Rejected(reason));
    }

    @Override
    public void onSnapshotWanted(VenueBook book, int attempt, String reason) {
        SnapshotWanted wanted = new SnapshotWanted(book.instrument().symbol(), attempt, reason);
        events.add(wanted);
        wantedSnapshots.add(wanted);
    }
}
