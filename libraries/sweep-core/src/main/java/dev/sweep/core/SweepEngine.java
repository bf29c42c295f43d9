package dev.sweep.core;

import java.util.List;

/**
 * Sweeps books: takes levels best first until the requested size is filled or the books run out. A sell hits the
 * bids from the highest down; a buy lifts the asks from the lowest up. With several sources the levels are taken in
 * the order of {@link MergedLevels}, so one call answers both "what happens on this venue" (one source) and "what if
 * I split the order across all of them" (every source).
 *
 * <p>Reusable; allocates nothing per sweep once warmed up. Not thread-safe: one engine per thread.
 */
public final class SweepEngine {

    private final MergedLevels levels = new MergedLevels();

    /**
     * Sweeps {@code quantity} (at the instrument's size scale) through the sources and writes the outcome to
     * {@code result}.
     *
     * @throws IllegalArgumentException if the quantity is negative
     */
    public void sweep(List<SweepSource> sources, OrderSide side, long quantity, SweepResult result) {
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must not be negative: " + quantity);
        }
        result.reset(side, quantity, sources.size());
        levels.reset(sources, side);
        long remaining = quantity;
        while (remaining > 0 && levels.hasLevels()) {
            remaining = levels.fillFromFirst(remaining, result);
        }
    }
}
