package dev.sweep.report;

import dev.sweep.core.TakerFee;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Taker fees per venue: the published defaults, replaced for every venue by {@code --fee RATE} (or {@code --fee none}),
 * and for one venue by {@code --fee VENUE=RATE}, which wins over a rate for every venue. A rate carries its unit:
 * {@code 0.26%} or {@code 26bps}.
 */
public final class TakerFees {

    /**
     * Each known venue's published taker fee for its lowest 30-day volume tier, the fee a new account pays. Users with
     * volume discounts pass their own with {@code --fee}.
     */
    private static final Map<String, Long> DEFAULTS = Venues.all().stream()
            .collect(Collectors.toUnmodifiableMap(Venue::name, Venue::defaultTakerFee));

    private final Map<String, Long> byVenue;
    private final Long everyVenue;

    private TakerFees(Map<String, Long> byVenue, Long everyVenue) {
        this.byVenue = byVenue;
        this.everyVenue = everyVenue;
    }

    /**
     * Builds the fee table from the {@code --fee} values.
     *
     * @throws UserInputException when a value is not {@code RATE}, {@code VENUE=RATE} or {@code none}, or when a venue,
     *                            or every venue, is given a rate twice
     */
    public static TakerFees from(List<String> options) {
        Map<String, Long> byVenue = new HashMap<>();
        String everyVenueOption = null;
        Long everyVenue = null;
        for (String option : options) {
            int equals = option.indexOf('=');
            if (equals > 0) {
                String venue = option.substring(0, equals);
                if (byVenue.put(venue, rate(option, option.substring(equals + 1))) != null) {
                    throw new UserInputException("--fee names " + venue + " twice");
                }
            } else if (equals == 0 || option.isEmpty()
                    || (Character.isLetter(option.charAt(0)) && !option.equals("none"))) {
                throw new UserInputException("--fee '" + option + "' must be RATE (for every venue), VENUE=RATE or"
                        + " none, e.g. kraken=0.26%");
            } else if (everyVenueOption != null) {
                throw new UserInputException("--fee gives a rate for every venue twice: " + everyVenueOption + " and "
                        + option);
            } else {
                everyVenueOption = option;
                everyVenue = option.equals("none") ? TakerFee.NONE : rate(option, option);
            }
        }
        return new TakerFees(byVenue, everyVenue);
    }

    private static long rate(String option, String text) {
        try {
            return TakerFee.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--fee " + option + ": " + e.getMessage());
        }
    }

    /** The fee for a venue: its own, else the one for every venue, else its default, else 0. */
    public long of(String venue) {
        Long fee = byVenue.get(venue);
        if (fee != null) {
            return fee;
        }
        return everyVenue != null ? everyVenue : DEFAULTS.getOrDefault(venue, TakerFee.NONE);
    }

    /** Venues named by {@code --fee} that the caller does not know, so a typo is not silently ignored. */
    public List<String> unknownVenues(List<String> known) {
        return byVenue.keySet().stream().filter(venue -> !DEFAULTS.containsKey(venue) && !known.contains(venue)).sorted().toList();
    }
}
