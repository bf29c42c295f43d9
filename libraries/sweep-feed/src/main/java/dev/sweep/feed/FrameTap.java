package dev.sweep.feed;

import dev.sweep.core.Instrument;

/**
 * Sees every text frame a feed receives, before it is decoded, and every REST snapshot before its adapter gets it:
 * how {@code sweep record} records. Called on the connection's thread; must be quick and must not throw.
 */
@FunctionalInterface
public interface FrameTap {

    /** Sees nothing. */
    FrameTap NONE = (venue, connection, receiveEpochNanos, buffer, offset, length) -> { };

    /**
     * @param connection numbers the venue's connections from 1: a new number means the feed reconnected
     * @param buffer     holds the frame only during the call
     */
    void onFrame(String venue, int connection, long receiveEpochNanos, byte[] buffer, int offset, int length);

    /**
     * The body of a book's snapshot fetched over REST (a venue whose WebSocket sends none), as it is handed to the
     * adapter of the connection that asked for it.
     *
     * @param buffer holds the body only during the call
     */
    default void onSnapshot(String venue, int connection, long receiveEpochNanos, Instrument instrument,
                            byte[] buffer, int offset, int length) {
        // A tap that watches frames only.
    }
}
