package dev.sweep.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Converts an amount of quote currency into the base size that the same books would fill for it: the size that
 * spends it (buy, fees included) or raises it (sell, after fees). Sizes are whole units of the instrument's size
 * scale, so the last level is taken only as far as the rest of the amount pays for whole units.
 *
 * <p>This runs once per query, not per market-data message, and works in {@link BigDecimal} so that every step is
 * exact.
 */
final class QuoteSizer {

    /**
     * @param baseQuantity  the base size to sweep, at the size scale
     * @param bookExhausted whether the books ran out before the amount was reached
     */
    record Sizing(long baseQuantity, boolean bookExhausted) {
    }

    private final MergedLevels levels = new MergedLevels();

    Sizing size(List<SweepSource> sources, Instrument instrument, OrderSide side, BigDecimal quoteAmount) {
        levels.reset(sources, side);
        int priceScale = instrument.priceScale();
        int sizeScale = instrument.sizeScale();
        BigDecimal remaining = quoteAmount;
        long base = 0;
        while (levels.next()) {
            BigDecimal unitAmount = FixedPoint.toBigDecimal(levels.price(), priceScale)
                    .multiply(TakerFee.toFraction(levels.takerMultiplier()));
            BigDecimal levelAmount = unitAmount.multiply(FixedPoint.toBigDecimal(levels.size(), sizeScale));
            if (levelAmount.compareTo(remaining) >= 0) {
                BigDecimal partial = remaining.divide(unitAmount, sizeScale, RoundingMode.FLOOR);
                return new Sizing(Math.addExact(base, FixedPoint.fromBigDecimal(partial, sizeScale)), false);
            }
            base = Math.addExact(base, levels.size());
            remaining = remaining.subtract(levelAmount);
        }
        return new Sizing(base, true);
    }
}
