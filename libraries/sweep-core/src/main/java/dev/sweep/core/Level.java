package dev.sweep.core;

/**
 * A price level on one side of a book, or a change to one: the total size at a price, 0 meaning the level is gone.
 *
 * @param side  the book side
 * @param price the price, at the instrument's price scale
 * @param size  the total size, at the instrument's size scale
 */
public record Level(Side side, long price, long size) {
}
