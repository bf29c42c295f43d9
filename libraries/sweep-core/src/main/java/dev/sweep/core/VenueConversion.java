package dev.sweep.core;

import java.math.BigDecimal;

/**
 * How a converted venue's fill reads in the currency its book quotes in.
 *
 * @param venue          the venue
 * @param rate           the rate its book was converted at
 * @param nativeNotional Σ(price × size) of the same fill at the venue's own prices, exact
 * @param nativeVwap     nativeNotional / filled, rounded half-even as the converted VWAP is; null when nothing filled
 */
public record VenueConversion(String venue, ConversionRate rate, BigDecimal nativeNotional, BigDecimal nativeVwap) {
}
