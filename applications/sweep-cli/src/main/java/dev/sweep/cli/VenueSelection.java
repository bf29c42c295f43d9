package dev.sweep.cli;

import dev.sweep.core.Instrument;
import dev.sweep.report.UserInputException;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The venues a command line names, checked the same way by every command: each venue must be known, and named once,
 * so that a typo or a repeat is an error rather than a venue silently ignored or followed twice.
 */
final class VenueSelection {

    private VenueSelection() {
    }

    /**
     * The known venues that {@code option} names, in the order given; when it names none, every known venue that quotes
     * in the currency of one of the instruments (its descriptor's quote currencies: a USDT venue lists no BTC-USD).
     * A venue named that lists none of them is an error.
     */
    static List<Venue> of(String option, List<String> names, List<Instrument> instruments) {
        List<Venue> selected = among(option, names, Venues.names(), knownVenues()).stream().map(VenueSelection::venue)
                .toList();
        if (names.isEmpty()) {
            return selected.stream().filter(venue -> lists(venue, instruments)).toList();
        }
        selected.forEach(venue -> checkLists(option + ": ", venue, instruments));
        return selected;
    }

    /** Checks that the venue quotes in the currency of one of the instruments: else it lists none of them. */
    static void checkLists(String prefix, Venue venue, List<Instrument> instruments) {
        if (!lists(venue, instruments)) {
            throw new UserInputException(prefix + venue.name() + " quotes in " + String.join(", ",
                    venue.quoteCurrencies()) + " and lists no " + String.join(", ",
                    instruments.stream().map(Instrument::symbol).toList()));
        }
    }

    private static boolean lists(Venue venue, List<Instrument> instruments) {
        return instruments.stream().anyMatch(instrument -> venue.quoteCurrencies().contains(instrument.quote()));
    }

    /** Checks that each venue {@code option} names is known and named once. */
    static void check(String option, List<String> names) {
        among(option, names, Venues.names(), knownVenues());
    }

    /** The known venue called {@code name}. */
    static Venue venue(String name) {
        return Venues.byName(name).orElseThrow(() -> new UserInputException("unknown venue '" + name + "' ("
                + knownVenues() + ")"));
    }

    /**
     * The names {@code option} gives, each among {@code available} and given once, in the order given; all of
     * {@code available} when it gives none.
     *
     * @param availability where the available names come from, for the error message ({@code "venues: kraken, …"})
     */
    static List<String> among(String option, List<String> names, List<String> available, String availability) {
        if (names.isEmpty()) {
            return available;
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!available.contains(name)) {
                throw new UserInputException(option + ": unknown venue '" + name + "' (" + availability + ")");
            }
            if (!seen.add(name)) {
                throw new UserInputException(option + " names " + name + " twice");
            }
        }
        return List.copyOf(names);
    }

    /**
     * The URLs an option gives as {@code VENUE=URL} ({@code --endpoint kraken=ws://…}), by venue in the order given:
     * each entry of that form, each venue known and named once, each URL absolute with a host and one of the schemes.
     *
     * @param example  an entry to show when one is not of that form
     * @param expected the schemes, for the error message ({@code "a ws:// or wss://"})
     */
    static Map<String, URI> urls(String option, List<String> entries, String example, List<String> schemes,
                                 String expected) {
        List<String> venues = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new UserInputException(option + " '" + entry + "' must be VENUE=URL, e.g. " + example);
            }
            venues.add(entry.substring(0, equals));
            urls.add(entry.substring(equals + 1));
        }
        check(option, venues);
        Map<String, URI> uris = new LinkedHashMap<>();
        for (int i = 0; i < venues.size(); i++) {
            String venue = venues.get(i);
            String url = urls.get(i);
            try {
                URI uri = new URI(url);
                if (!schemes.contains(uri.getScheme()) || uri.getHost() == null) {
                    throw new UserInputException(option + " " + venue + ": '" + url + "' must be " + expected + " URL");
                }
                uris.put(venue, uri);
            } catch (URISyntaxException e) {
                throw new UserInputException(option + " " + venue + ": '" + url + "' is not a URL");
            }
        }
        return uris;
    }

    private static String knownVenues() {
        return "venues: " + String.join(", ", Venues.names());
    }
}
