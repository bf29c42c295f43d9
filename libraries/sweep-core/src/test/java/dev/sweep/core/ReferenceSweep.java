package dev.sweep.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An independent model of a sweep in plain {@link BigDecimal}: sort every level of every venue by price after fee,
 * then walk. Written without any of the engine's data structures, to check the engine against.
 */
public final class ReferenceSweep {

    /** One venue: name, fee as a fraction, and its levels per side (price → size). */
    public record Venue(String name, BigDecimal fee, TreeMap<BigDecimal, BigDecimal> bids,
                 TreeMap<BigDecimal, BigDecimal> asks) {
    }

    public record Level(BigDecimal price, BigDecimal size, String venue, BigDecimal fee) {
    }

    public record Outcome(List<Level> fills, BigDecimal filled, BigDecimal notional, BigDecimal fees, boolean complete,
                   Map<String, BigDecimal> filledByVenue) {

        public BigDecimal paid(OrderSide side) {
            return side == OrderSide.BUY ? notional.add(fees) : notional.subtract(fees);
        }

        public BigDecimal vwap(int decimals) {
            return notional.divide(filled, decimals, RoundingMode.HALF_EVEN);
        }

        /** Σ price × size of one venue's fills. */
        public BigDecimal notional(String venue) {
            return fills.stream().filter(fill -> fill.venue().equals(venue))
                    .map(fill -> fill.price().multiply(fill.size())).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** The taker fees of one venue's fills. */
        public BigDecimal fees(String venue) {
            return fills.stream().filter(fill -> fill.venue().equals(venue))
                    .map(fill -> fill.price().multiply(fill.size()).multiply(fill.fee()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private ReferenceSweep() {
    }

    public static List<Level> consolidated(List<Venue> venues, OrderSide side) {
        List<Level> levels = new ArrayList<>();
        for (Venue venue : venues) {
            var book = side == OrderSide.SELL ? venue.bids() : venue.asks();
            book.forEach((price, size) -> levels.add(new Level(price, size, venue.name(), venue.fee())));
        }
        Comparator<Level> byPriceAfterFee = Comparator.comparing(level -> afterFee(side, level));
        if (side == OrderSide.SELL) {
            byPriceAfterFee = byPriceAfterFee.reversed();
        }
        levels.sort(byPriceAfterFee.thenComparing(Level::fee).thenComparing(Level::venue));
        return levels;
    }

    public static Outcome sweepBase(List<Venue> venues, OrderSide side, BigDecimal quantity) {
        BigDecimal remaining = quantity;
        List<Level> fills = new ArrayList<>();
        for (Level level : consolidated(venues, side)) {
            if (remaining.signum() == 0) {
                break;
            }
            BigDecimal take = level.size().min(remaining);
            fills.add(new Level(level.price(), take, level.venue(), level.fee()));
            remaining = remaining.subtract(take);
        }
        return outcome(fills, remaining.signum() == 0);
    }

    public static Outcome sweepQuote(List<Venue> venues, OrderSide side, BigDecimal amount, int sizeScale) {
        BigDecimal remaining = amount;
        List<Level> fills = new ArrayList<>();
        for (Level level : consolidated(venues, side)) {
            BigDecimal unit = afterFee(side, level);
            BigDecimal cost = unit.multiply(level.size());
            if (cost.compareTo(remaining) >= 0) {
                BigDecimal take = remaining.divide(unit, sizeScale, RoundingMode.FLOOR);
                if (take.signum() > 0) {
                    fills.add(new Level(level.price(), take, level.venue(), level.fee()));
                }
                return outcome(fills, true);
            }
            fills.add(level);
            remaining = remaining.subtract(cost);
        }
        return outcome(fills, false);
    }

    public static BigDecimal afterFee(OrderSide side, Level level) {
        BigDecimal factor = side == OrderSide.BUY ? BigDecimal.ONE.add(level.fee()) : BigDecimal.ONE.subtract(level.fee());
        return level.price().multiply(factor);
    }

    private static Outcome outcome(List<Level> fills, boolean complete) {
        BigDecimal filled = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        Map<String, BigDecimal> filledByVenue = new TreeMap<>();
        for (Level fill : fills) {
            BigDecimal amount = fill.price().multiply(fill.size());
            filled = filled.add(fill.size());
            notional = notional.add(amount);
            fees = fees.add(amount.multiply(fill.fee()));
            filledByVenue.merge(fill.venue(), fill.size(), BigDecimal::add);
        }
        return new Outcome(fills, filled, notional, fees, complete, filledByVenue);
    }
}
