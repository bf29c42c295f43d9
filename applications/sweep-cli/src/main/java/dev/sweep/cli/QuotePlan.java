package dev.sweep.cli;

import dev.sweep.core.Instrument;
import dev.sweep.feed.BookView;
import dev.sweep.report.Conversions;
import dev.sweep.report.UserInputException;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The live books a sweep needs: each venue's book of the symbol, or of the symbol's base in a currency converted
 * (README, "USD and USDT"), and the rate books of each currency converted from a live book, followed on every
 * registered venue that lists both currencies, swept or not: the rate is not part of the sweep, and the best of all
 * is the fairest.
 *
 * @param swept       the venues swept, in the order given, and the book each is swept with
 * @param rateBooks   the instrument of the rate book of each currency converted at a live rate, and the venues
 *                    following it
 * @param subscribed  every venue to connect to, and its instruments
 */
record QuotePlan(Map<String, Instrument> swept, Map<String, RateBooks> rateBooks,
                 Map<String, List<Instrument>> subscribed) {

    /**
     * @param instrument the rate book ({@code USDT-USD})
     * @param venues     the venues following it
     */
    record RateBooks(Instrument instrument, List<String> venues) {
    }

    /**
     * @param named whether the user named the venues: a named venue that takes no part is an error, a default one is
     *              left out
     */
    static QuotePlan of(List<Venue> venues, boolean named, Conversions conversions) {
        Map<String, Instrument> swept = new LinkedHashMap<>();
        Map<String, List<Instrument>> subscribed = new LinkedHashMap<>();
        Set<String> converted = new LinkedHashSet<>();
        for (Venue venue : venues) {
            Set<String> quotes = venue.quoteCurrencies();
            Optional<String> quote = conversions.bookQuote(quotes);
            if (quote.isEmpty()) {
                if (named) {
                    throw new UserInputException("--venues: " + venue.name() + " has no " + conversions.target()
                            + " book: " + whyNot(new TreeSet<>(quotes), conversions));
                }
                continue;
            }
            Instrument book = conversions.instrument(quote.get());
            swept.put(venue.name(), book);
            subscribed.computeIfAbsent(venue.name(), name -> new ArrayList<>()).add(book);
            if (!book.equals(conversions.target())) {
                converted.add(quote.get());
            }
        }
        if (swept.isEmpty()) {
            throw new UserInputException("no venue lists " + conversions.target().quote() + " books"
                    + (conversions.target().quote().equals("USD") ? "" : " (USD books are converted into "
                    + conversions.target().quote() + " only at a rate stated with --convert)"));
        }
        Map<String, RateBooks> rateBooks = new LinkedHashMap<>();
        for (String currency : converted) {
            if (!conversions.needsRateBook(currency)) {
                continue;
            }
            Instrument pair = conversions.rateInstrument(currency);
            List<String> following = new ArrayList<>();
            for (Venue venue : Venues.all()) {
                if (venue.lists(pair)) {
                    following.add(venue.name());
                    subscribed.computeIfAbsent(venue.name(), name -> new ArrayList<>()).add(pair);
                }
            }
            rateBooks.put(currency, new RateBooks(pair, following));
        }
        return new QuotePlan(swept, rateBooks, subscribed);
    }

    /** Why a venue quoting in {@code quotes} takes no part, for the one line a named one gets. */
    private static String whyNot(Set<String> quotes, Conversions conversions) {
        String quoted = "it quotes in " + String.join(", ", quotes);
        if (quotes.stream().anyMatch(conversions::convertible)) {
            return quoted + ", which this sweep does not convert (--no-convert)";
        }
        String first = quotes.iterator().next();
        return quoted + ", converted into " + conversions.target().quote() + " only at a rate stated with --convert "
                + first + "=" + conversions.target().quote() + "@RATE";
    }

    /** The venues to connect to: those swept, then those that only give a rate. */
    List<Venue> venues() {
        return subscribed.keySet().stream().map(VenueSelection::venue).toList();
    }

    /** The instruments swept, the symbol's first. */
    List<Instrument> sweptInstruments() {
        return swept.values().stream().distinct().toList();
    }

    /** Every instrument followed: those swept, the symbol's first, then the rate books. */
    List<Instrument> instruments() {
        List<Instrument> instruments = new ArrayList<>(sweptInstruments());
        rateBooks.values().forEach(books -> instruments.add(books.instrument()));
        return instruments.stream().distinct().toList();
    }

    /** The views of the books swept, in the order of the venues, from the views of each instrument swept. */
    List<BookView> sweptViews(Map<Instrument, List<BookView>> byInstrument) {
        List<BookView> views = new ArrayList<>();
        swept.forEach((venue, instrument) -> byInstrument.get(instrument).stream()
                .filter(view -> view.venue().equals(venue)).findFirst().ifPresent(views::add));
        return views;
    }

    /** The views of each currency's rate books, by currency; an empty list for a stated rate. */
    Map<String, List<BookView>> rateViews(Map<Instrument, List<BookView>> byInstrument, Set<String> currencies) {
        Map<String, List<BookView>> views = new LinkedHashMap<>();
        for (String currency : currencies) {
            RateBooks books = rateBooks.get(currency);
            views.put(currency, books == null ? List.of() : byInstrument.getOrDefault(books.instrument(), List.of()));
        }
        return views;
    }

    /** The currencies of the books converted. */
    Set<String> converted(Instrument target) {
        Set<String> currencies = new LinkedHashSet<>();
        swept.values().stream().filter(instrument -> !instrument.equals(target))
                .forEach(instrument -> currencies.add(instrument.quote()));
        return currencies;
    }
}
