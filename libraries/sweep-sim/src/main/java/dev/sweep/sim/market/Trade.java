package dev.sweep.sim.market;

import dev.sweep.core.Side;

/**
 * A simulated trade.
 *
 * @param takerSide BID for a buyer lifting the asks, ASK for a seller hitting the bids
 * @param price     the level it took
 * @param size      how much it took
 */
public record Trade(Side takerSide, long price, long size) {
}
