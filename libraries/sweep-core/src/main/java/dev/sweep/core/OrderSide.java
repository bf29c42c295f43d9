package dev.sweep.core;

import java.util.Locale;

/** The side of a market order: what the taker does. */
public enum OrderSide {
    /** A market buy lifts the asks, cheapest first. */
    BUY(Side.ASK),
    /** A market sell hits the bids, highest first. */
    SELL(Side.BID);

    private final Side bookSide;

    OrderSide(Side bookSide) {
        this.bookSide = bookSide;
    }

    /** The side of the book this order consumes. */
    public Side bookSide() {
        return bookSide;
    }

    /** Lower-case name as used on the command line and in JSON: {@code "buy"}, {@code "sell"}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
