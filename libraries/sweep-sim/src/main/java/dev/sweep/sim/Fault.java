package dev.sweep.sim;

import java.util.Locale;

/** The faults the simulator injects, by flag ({@code --faults drop=0.01,gap=0.001}) or through {@link Simulator#inject}. */
public enum Fault {
    /** Close the connection abruptly, without a close frame, as a network failure would. */
    DROP,
    /**
     * Lose one update the way a lost frame shows on the venue: a gap-free counter skips a number, a chained id chains
     * to the lost one; with only a checksum, or no check at all, the frame is just never sent (a checksum exposes it
     * when the loss touched the levels it covers; a venue without any check has no way to tell).
     */
    GAP,
    /** Send an update with a wrong checksum (on venues without one: nothing). */
    CHECKSUM,
    /** Send a frame that is not valid JSON. */
    MALFORMED,
    /** Go silent (no updates, no heartbeats) for 8 seconds, then deliver what was held back, as a TCP stall does. */
    STALL,
    /** Send one text frame larger than any client should accept (17 MiB). */
    OVERSIZED,
    /**
     * Restart the venue's numbering on a live connection, as a restart of its service does (Bybit: a snapshot with
     * {@code u} = 1; OKX: an update whose {@code seqId} falls below its {@code prevSeqId}); on venues whose numbering
     * does not restart so: nothing.
     */
    RESTART,
    /**
     * Announce that the connection will close, as a venue does before maintenance (Binance: {@code serverShutdown}),
     * and close it {@link dev.sweep.sim.session.Session#SHUTDOWN_NOTICE_NANOS} later; a venue that announces nothing is
     * just closed then.
     */
    SHUTDOWN;

    /** The name used on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The fault for a command-line name. */
    public static Fault of(String label) {
        for (Fault fault : values()) {
            if (fault.label().equals(label)) {
                return fault;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + label + "' (faults: drop, gap, checksum, malformed,"
                + " stall, oversized, restart, shutdown)");
    }
}
