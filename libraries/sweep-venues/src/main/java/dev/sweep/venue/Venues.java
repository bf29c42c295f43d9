package dev.sweep.venue;

import dev.sweep.core.Instrument;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/** The venues on the class path, found through {@link ServiceLoader}. */
public final class Venues {

    /** In the order of the service files: the original tool's Kraken, Coinbase, Gemini first. */
    private static final List<Venue> ALL = ServiceLoader.load(Venue.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList();
    private static final Set<String> QUOTE_CURRENCIES = ALL.stream()
            .flatMap(venue -> venue.quoteCurrencies().stream())
            .collect(Collectors.toUnmodifiableSet());

    private Venues() {
    }

    /** Every venue, by name. */
    public static List<Venue> all() {
        return ALL;
    }

    /** The venues that keep books of the instrument ({@link Venue#lists}), in the order of {@link #all()}. */
    public static List<Venue> listing(Instrument instrument) {
        return ALL.stream().filter(venue -> venue.lists(instrument)).toList();
    }

    /** The currencies the venues quote in, all of them: {@code USD}, {@code USDT}. */
    public static Set<String> quoteCurrencies() {
        return QUOTE_CURRENCIES;
    }

    public static Optional<Venue> byName(String name) {
        return ALL.stream().filter(venue -> venue.name().equals(name)).findFirst();
    }

    /**
     * Whether the named venue's books are verified ({@link Integrity#isVerified()}); a venue not registered here, such
     * as one a book file names, is not: nothing Sweep knows checks its book.
     */
    public static boolean isVerified(String name) {
        return byName(name).map(venue -> venue.descriptor().integrity().isVerified()).orElse(false);
    }

    /** The venues' names, for help texts and error messages. */
    public static List<String> names() {
        return ALL.stream().map(Venue::name).toList();
    }
}
