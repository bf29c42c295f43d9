package dev.sweep.venue.server;

/** What a dialect does to the update it is about to send, when the host injects a fault only the dialect can apply. */
public enum UpdateFault {

    /** Send the update as it is. */
    NONE,

    /**
     * Lose the update the way a lost frame shows on this venue: a gap-free counter skips a number, a chained id
     * chains to the lost one; with only a checksum, or no integrity check at all, the frame is simply never sent.
     */
    LOST,

    /** Send the update with a wrong integrity value (a checksum); venues without one send it as it is. */
    BAD_CHECK,

    /**
     * Restart the venue's numbering, as after a restart of its service: Bybit sends the book whole as a snapshot with
     * {@code u} = 1, OKX an update whose {@code seqId} falls below its {@code prevSeqId}. Venues whose numbering does
     * not restart on a live connection send the update as it is.
     */
    RESTART
}
