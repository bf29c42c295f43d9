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
     * Builds the fee table from the {@code --fee} values of the command line.
     *
     * @throws UserInputException when a value is not {@code RATE}, {@code VENUE=RATE} or {@code none}, or when a venue,
     *                            or every venue, is given a rate twice
     */
    public static TakerFees from(List<String> values) {
        return from("--fee", '=', values);
    }

    /**
     * Builds the fee table from values named {@code name}, each {@code RATE}, {@code none}, or a venue's rate after its
     * name and {@code separator} (a query string writes {@code fee=kraken:26bps}, where {@code =} would need escaping).
     *
     * @throws UserInputException naming {@code name}, as {@link #from(List)}
     */
    public static TakerFees from(String name, char separator, List<String> values) {
        Map<String, Long> byVenue = new HashMap<>();
        String everyVenueValue = null;
        Long everyVenue = null;
        for (String value : values) {
            int split = value.indexOf(separator);
            if (split > 0) {
                String venue = value.substring(0, split);
                if (byVenue.put(venue, rate(name, value, value.substring(split + 1))) != null) {
                    throw new UserInputException(name + " names " + venue + " twice");
                }
            } else if (split == 0 || value.isEmpty()
                    || (Character.isLetter(value.charAt(0)) && !value.equals("none"))) {
                throw new UserInputException(name + " '" + value + "' must be RATE (for every venue), VENUE" + separator
                        + "RATE or none, e.g. " + VenueTexts.example() + separator + "0.26%");
            } else if (everyVenueValue != null) {
                throw new UserInputException(name + " gives a rate for every venue twice: " + everyVenueValue + " and "
                        + value);
            } else {
                everyVenueValue = value;
                everyVenue = value.equals("none") ? TakerFee.NONE : rate(name, value, value);
            }
        }
        return new TakerFees(byVenue, everyVenue);
    }

    private static long rate(String name, String value, String text) {
        try {
            return TakerFee.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(name + " " + value + ": " + e.getMessage());
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

    /** The highest fee among the venues: what a sell for a quote amount must gross the levels it copies up by. */
    public long highest(List<String> venues) {
        return venues.stream().mapToLong(this::of).max().orElse(TakerFee.NONE);
    }

    /** Venues named by {@code --fee} that the caller does not know, so a typo is not silently ignored. */
    public List<String> unknownVenues(List<String> known) {
        return byVenue.keySet().stream().filter(venue -> !DEFAULTS.containsKey(venue) && !known.contains(venue)).sorted().toList();
    }
}
