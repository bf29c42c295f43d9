package dev.sweep.venue.server;

/**
 * How a venue quotes in the simulator's synthetic market: its tick, how wide its spread tends to be, how deep its
 * book is and how large its levels are. Venues differ, so that a merged sweep has something to split.
 *
 * @param tickDecimals  decimals of the price tick (1: 0.1)
 * @param spreadTicks   typical spread, in ticks
 * @param minLevels     fewest levels kept per side
 * @param maxLevels     most levels kept per side
 * @param meanSizeCents typical level size, in hundredths of the base asset
 */
public record MarketProfile(int tickDecimals, int spreadTicks, int minLevels, int maxLevels, long meanSizeCents) {

    public MarketProfile {
        if (tickDecimals < 0 || spreadTicks < 1 || minLevels < 1 || maxLevels < minLevels || meanSizeCents < 1) {
            throw new IllegalArgumentException("not a market profile: " + tickDecimals + " tick decimals, "
                    + spreadTicks + " spread ticks, " + minLevels + "-" + maxLevels + " levels, " + meanSizeCents
                    + " cents mean size");
        }
    }
}
