package dev.sweep.venue;

import dev.sweep.core.BookState;
import java.util.ArrayList;
import java.util.List;

/** Records what a feed adapter reports, as values, so tests can assert the exact sequence of events. */
public final class FeedEvents implements FeedListener {

    public sealed interface Event permits Subscribed, Live, Broken, Changed, Heartbeat, HeartbeatRequest, VenueError,
            Rejected, SnapshotWanted, CloseAnnounced {
    }

    public record Subscribed(String symbol) implements Event {
    }

    public record Live(String symbol) implements Event {
    }

    public record Broken(String symbol, String reason) implements Event {
    }

    /** A change of state to any state but {@link BookState#LIVE} and {@link BookState#BROKEN}, the two usual ones. */
    public record Changed(String symbol, BookState state, String reason) implements Event {
    }

    public record Heartbeat() implements Event {
    }

    public record HeartbeatRequest(long id) implements Event {
    }

    public record VenueError(String message) implements Event {
    }

    public record CloseAnnounced(String reason) implements Event {
    }

    public record Rejected(String reason) implements Event {
    }

    public record SnapshotWanted(String symbol, int attempt, String reason) implements Event {
    }

    /** A change of state with its cause, kept apart from {@link #events} so that those read as they always did. */
    public record Change(String symbol, BookState to, StateCause cause) {
    }

    private final List<Event> events = new ArrayList<>();
    private final List<Change> changes = new ArrayList<>();
    private final List<SnapshotWanted> wantedSnapshots = new ArrayList<>();

    public List<Event> events() {
        return events;
    }

    /** Every change of state so far, with its cause, oldest first. */
    public List<Change> changes() {
        return changes;
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
    public void onBookState(VenueBook book, BookState from, BookState to, StateCause cause, String reason) {
        String symbol = book.instrument().symbol();
        changes.add(new Change(symbol, to, cause));
        events.add(switch (to) {
            case LIVE -> new Live(symbol);
            case BROKEN -> new Broken(symbol, reason);
            default -> new Changed(symbol, to, reason);
        });
    }

    @Override
    public void onHeartbeat() {
        events.add(new Heartbeat());
    }

    @Override
    public void onHeartbeatRequest(long id) {
        events.add(new HeartbeatRequest(id));
    }

    @Override
    public void onCloseAnnounced(String reason) {
        events.add(new CloseAnnounced(reason));
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
