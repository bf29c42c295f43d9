package dev.sweep.kafka;

import dev.sweep.core.Side;

/**
 * The total size at one price level of a book, in the book's scaled integers: size 0 deletes the level.
 *
 * @param side  bids or asks
 * @param price the price, scaled by the event's price scale
 * @param size  the size, scaled by the event's size scale; 0 deletes
 */
public record LevelChange(Side side, long price, long size) {

    public LevelChange {
        if (price < 0 || size < 0) {
            throw new IllegalArgumentException("a level's price and size are never negative: " + price + " " + size);
        }
    }
}
