package dev.sweep.core;

/**
 * Whether a live book can be trusted. Only {@link #LIVE} books are swept; every other state is shown to the user
 * as it is, never silently used.
 */
public enum BookState {
    /** Subscribed, waiting for the first snapshot (or for a fresh one after a resync). */
    SYNCING,
    /** Built from a snapshot and every update since, all integrity checks passed. */
    LIVE,
    /** Consistent when last heard of, but the venue has been silent for longer than its heartbeat interval. */
    STALE,
    /** An integrity check failed (checksum, sequence gap, crossed book, rejected frame): waiting for a resync. */
    BROKEN,
    /** The venue refused the subscription (an unknown symbol): no snapshot will come on this connection. */
    REJECTED,
    /**
     * The venue cannot be reached: its host name does not resolve or it refuses connections. The feed keeps trying,
     * in case it comes back.
     */
    UNREACHABLE,
    /**
     * Live, but quoted in another currency than the sweep's, with no live rate to convert it at (the rate book is
     * stale, not live or missing): shown with the reason, never swept at a guessed rate.
     */
    NO_RATE;

    /**
     * Whether waiting will not make the book live: the venue refused it or cannot be reached. A book still syncing,
     * stale or broken is on its way back; one that failed is not, unless the venue changes.
     */
    public boolean hasFailed() {
        return this == REJECTED || this == UNREACHABLE;
    }
}
