package dev.sweep.feed;

import java.util.List;

/**
 * What a wait for live books ({@link FeedManager#awaitLive}) tells as it goes, on the waiting thread: the books' states
 * when it starts, then each change of state of one of them.
 */
@FunctionalInterface
public interface WaitProgress {

    /** A book of the instrument waited for changed state. */
    void onChange(BookStateChange change);

    /** The books' states when the wait starts, before any change. */
    default void onStart(List<BookView> views) {
    }
}
