package dev.sweep.feed;

/**
 * Sees every text frame a feed receives, before it is decoded: how {@code sweep record} records. Called on the
 * connection's thread; must be quick and must not throw.
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
}
