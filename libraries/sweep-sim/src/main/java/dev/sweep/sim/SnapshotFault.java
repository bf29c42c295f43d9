package dev.sweep.sim;

/** The faults the simulator injects into a venue's REST snapshots, through {@link Simulator#injectSnapshot}. */
public enum SnapshotFault {
    /**
     * Answer with the book as it was {@value RestDesk#STALE_STEPS} of its steps ago, a little late, as a lagging REST
     * server does: older than the updates the client buffered meanwhile.
     */
    STALE,
    /** Hold the answer back for 8 seconds: longer than a client waits for it. */
    SLOW,
    /** Answer {@code 503 Service Unavailable}. */
    SERVER_ERROR,
    /** Answer {@code 200} with a body cut short in the middle: not JSON. */
    MALFORMED
}
