package dev.sweep.venue.server;

import dev.sweep.core.Side;

/**
 * A trade on a simulated venue.
 *
 * @param takerSide BID for a buyer lifting the asks, ASK for a seller hitting the bids
 * @param price     the level it took
 * @param size      how much it took
 */
public record Trade(Side takerSide, long price, long size) {
}
