package dev.sweep.feed;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The listeners of a {@link LiveBooks}' changes of state, added and removed from any thread while changes are told
 * to them on the source's threads.
 */
public final class StateListeners implements Consumer<BookStateChange> {

    private final List<Consumer<BookStateChange>> listeners = new CopyOnWriteArrayList<>();

    public void add(Consumer<BookStateChange> listener) {
        listeners.add(listener);
    }

    public void remove(Consumer<BookStateChange> listener) {
        listeners.remove(listener);
    }

    /** Tells every listener of the change, in the order they were added. */
    @Override
    public void accept(BookStateChange change) {
        for (Consumer<BookStateChange> listener : listeners) {
            listener.accept(change);
        }
    }
}
