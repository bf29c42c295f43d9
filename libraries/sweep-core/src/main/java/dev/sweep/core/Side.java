package dev.sweep.core;

/** A side of an order book. */
public enum Side {
    /** Buy orders resting in the book; the best bid is the highest price. */
    BID,
    /** Sell orders resting in the book; the best ask is the lowest price. */
    ASK;

    /**
     * Whether {@code a} is a better price than {@code b} on this side: higher for bids, lower for asks.
     */
    public boolean isBetter(long a, long b) {
        return this == BID ? a > b : a < b;
    }
}
