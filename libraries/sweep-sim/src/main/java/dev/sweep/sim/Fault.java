package dev.sweep.sim;

import java.util.Locale;

/** The faults the simulator injects, by flag ({@code --faults drop=0.01,gap=0.001}) or through {@link Simulator#inject}. */
public enum Fault {
    /** Close the connection abruptly, without a close frame, as a network failure would. */
    DROP,
    /**
     * Lose one update: Coinbase skips a {@code sequence_num}; Kraken and Gemini just never send it (Kraken's next
     * checksum exposes it; Gemini v2 has no way to tell).
     */
    GAP,
    /** Send a Kraken update with a wrong checksum (on other venues: nothing). */
    CHECKSUM,
    /** Send a frame that is not valid JSON. */
    MALFORMED,
    /** Go silent (no updates, no heartbeats) for 8 seconds, then deliver what was held back, as a TCP stall does. */
    STALL,
    /** Send one text frame larger than any client should accept (17 MiB). */
    OVERSIZED;

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
                + " stall, oversized)");
    }
}
