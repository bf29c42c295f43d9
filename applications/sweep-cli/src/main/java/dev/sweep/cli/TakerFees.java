package dev.sweep.cli;

import dev.sweep.core.TakerFee;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Taker fees per venue: the published defaults, overridden by {@code --fee VENUE=RATE} or switched off with
 * {@code --fee none}.
 */
final class TakerFees {

    /**
     * Each known venue's published taker fee for its lowest 30-day volume tier, the fee a new account pays. Users with
     * volume discounts pass their own with {@code --fee}.
     */
    private static final Map<String, Long> DEFAULTS = Venues.all().stream()
            .collect(Collectors.toUnmodifiableMap(Venue::name, Venue::defaultTakerFee));

    private final Map<String, Long> fees;

    private TakerFees(Map<String, Long> fees) {
        this.fees = fees;
    }

    /**
     * Builds the fee table from the {@code --fee} values.
     *
     * @throws UserInputException when a value is neither {@code none} nor {@code VENUE=RATE}
     */
    static TakerFees from(List<String> options) {
        Map<String, Long> fees = new HashMap<>(DEFAULTS);
        for (String option : options) {
            if (option.equals("none")) {
                fees.clear();
                continue;
            }
            int equals = option.indexOf('=');
            if (equals <= 0) {
                throw new UserInputException("--fee '" + option + "' must be VENUE=RATE (e.g. kraken=0.26%) or none");
            }
            try {
                fees.put(option.substring(0, equals), TakerFee.parsePercent(option.substring(equals + 1)));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--fee: " + e.getMessage());
            }
        }
        return new TakerFees(fees);
    }

    /** The fee for a venue: as given, else its default, else 0 (after {@code none}, or a venue without a default). */
    long of(String venue) {
        return fees.getOrDefault(venue, TakerFee.NONE);
    }

    /** Venues named by {@code --fee} that the caller does not know, so a typo is not silently ignored. */
    List<String> unknownVenues(List<String> known) {
        return fees.keySet().stream().filter(venue -> !DEFAULTS.containsKey(venue) && !known.contains(venue)).sorted().toList();
    }
}
