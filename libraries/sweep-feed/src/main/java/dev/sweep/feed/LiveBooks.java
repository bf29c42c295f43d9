package dev.sweep.feed;

import dev.sweep.core.BookCut;
import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Books kept live by some source: the venues' feeds ({@link FeedManager}), or their events on Kafka. */
public interface LiveBooks extends AutoCloseable {

    /**
     * Consistent copies of every venue's book of the instrument, in venue order, cut to what the query needs and
     * written into {@code copies}, whose books the views hold until the next query made with them.
     */
    List<BookView> views(Instrument instrument, BookCut cut, BookCopies copies);

    /**
     * Tells {@code listener} of every change of state of every book from now on, on the source's threads, each
     * venue's changes in order: it must be quick, and must neither block nor throw.
     */
    void addStateListener(Consumer<BookStateChange> listener);

    void removeStateListener(Consumer<BookStateChange> listener);

    /**
     * Waits until every venue's book of the instrument is live or has failed (rejected, unreachable), or the timeout
     * passes: no longer than a book can still become live. The wait follows the books' changes of state as they
     * happen, without polling.
     *
     * @param progress told, on this thread, of the books' states when the wait starts and of each change, e.g. to show
     *                 which venues are still syncing
     * @return the views at the end of the wait, copied as {@link #views} does
     */
    default List<BookView> awaitLive(Instrument instrument, BookCut cut, BookCopies copies, Duration timeout,
                                     WaitProgress progress) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        BlockingQueue<BookStateChange> changes = new LinkedBlockingQueue<>();
        Consumer<BookStateChange> queue = change -> {
            if (change.instrument().equals(instrument)) {
                changes.add(change);
            }
        };
        addStateListener(queue);
        try {
            // Listening first: a change between the two is both in the views and in the queue, and applied again.
            List<BookView> views = views(instrument, cut, copies);
            progress.onStart(views);
            Map<String, BookState> states = new HashMap<>();
            views.forEach(view -> states.put(view.venue(), view.state()));
            while (!states.values().stream().allMatch(state -> state == BookState.LIVE || state.hasFailed())) {
                BookStateChange change = changes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (change == null) {
                    break;
                }
                states.put(change.venue(), change.to());
                progress.onChange(change);
            }
            return views(instrument, cut, copies);
        } finally {
            removeStateListener(queue);
        }
    }

    @Override
    void close();
}
