package dev.sweep.venue;

/**
 * How an adapter that has a reader of its venue's own documented layout reads frames: that reader first, or only the
 * general one. The two must agree on every frame; tests read the same frames both ways to prove it.
 */
public enum Reading {
    /**
     * A frame in the venue's own layout by the layout reader; every other one, and any it steps aside from, the
     * general way.
     */
    DOCUMENTED_LAYOUT_FIRST,
    /** Every frame the general way, whatever the order of its fields. */
    GENERAL
}
