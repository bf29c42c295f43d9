package dev.sweep.sim.market;

/**
 * How one simulated venue quotes: its tick, how wide its spread tends to be, how deep its book is and how large its
 * levels are. The three venues differ, so that a merged sweep has something to split.
 *
 * @param venue          the venue's name
 * @param tickDecimals   decimals of the price tick (1: 0.1)
 * @param spreadTicks    typical spread, in ticks
 * @param minLevels      fewest levels kept per side
 * @param maxLevels      most levels kept per side
 * @param meanSizeCents  typical level size, in hundredths of the base asset
 */
public record VenueProfile(String venue, int tickDecimals, int spreadTicks, int minLevels, int maxLevels,
                           long meanSizeCents) {

    /** Kraken: coarse tick, tight spread, a deep book it serves up to 1,000 levels of. */
    public static final VenueProfile KRAKEN = new VenueProfile("kraken", 1, 3, 400, 600, 40);
    /** Coinbase: cent tick, the deepest book, middling sizes. */
    public static final VenueProfile COINBASE = new VenueProfile("coinbase", 2, 40, 600, 900, 25);
    /** Gemini: cent tick, wider spread, a thinner book with larger levels. */
    public static final VenueProfile GEMINI = new VenueProfile("gemini", 2, 150, 200, 320, 60);
}
