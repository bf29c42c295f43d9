package dev.sweep.venue;

/** How a venue lets a client check that its book missed nothing: the families the venues Sweep knows use. */
public enum Integrity {

    /**
     * A checksum of the top of the book after every update (Kraken, Bitfinex): a lost or corrupted update shows as
     * soon as it touched the levels the checksum covers.
     */
    CHECKSUM,

    /** A counter that goes up by exactly one per frame, per connection or per topic (Coinbase, Bybit). */
    GAP_FREE_COUNTER,

    /** Every update names the id of the one before it (OKX, Crypto.com): the previous id must be the last one seen. */
    CHAINED_ID,

    /** Every update covers a range of ids that must start right after the last one applied (Binance). */
    ID_RANGE,

    /**
     * Nothing to check (Gemini, Bitstamp): the book rests on the snapshot and the crossed-book check alone, and is
     * shown as unverified, never as equal to a verified one.
     */
    NONE;

    /** The family in a few words, for a venue that says no more of its own check ({@link Venue#integrity()}). */
    public String description() {
        return switch (this) {
            case CHECKSUM -> "a checksum of the top of the book after every update";
            case GAP_FREE_COUNTER -> "a counter that rises by one per frame: a gap breaks the books";
            case CHAINED_ID -> "each update names the id of the one before it";
            case ID_RANGE -> "each update's id range must start right after the last one applied";
            case NONE -> "none: no sequence numbers, no checksum (unverified)";
        };
    }

    /** Whether books of this family are verified; those of {@link #NONE} are shown as unverified. */
    public boolean isVerified() {
        return this != NONE;
    }

    /** Whether a lost update can show: every family but {@link #NONE}. */
    public boolean detectsLoss() {
        return this != NONE;
    }

    /** Whether a corrupted integrity value can show: only a checksum carries one. */
    public boolean detectsCorruption() {
        return this == CHECKSUM;
    }
}
