package dev.sweep.report;

import dev.sweep.core.Instrument;
import dev.sweep.feed.BookView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The books a sweep of {@code conversions.target()} takes among books at hand by instrument (a book file's, a
 * server's): each venue's book of the symbol, else its book quoted in a currency the sweep converts (the first such
 * at hand), and the rate books of each currency converted, every venue's (README, "USD and USDT").
 *
 * @param views     the venues' books, the symbol's first, then the converted ones, each in the order at hand
 * @param rateViews the rate books ({@code USDT-USD}) of each currency a book of {@code views} quotes in, by currency;
 *                  an empty list for a stated rate or when no rate book is at hand
 */
public record SweptViews(List<BookView> views, Map<String, List<BookView>> rateViews) {

    /**
     * Every venue's book a sweep could take among the instruments {@code available}, whose books {@code viewsOf}
     * gives.
     */
    public static SweptViews of(Conversions conversions, List<Instrument> available,
                                Function<Instrument, List<BookView>> viewsOf) {
        Instrument target = conversions.target();
        Map<String, BookView> books = new LinkedHashMap<>();
        if (available.contains(target)) {
            viewsOf.apply(target).forEach(view -> books.put(view.venue(), view));
        }
        for (Instrument other : available) {
            if (other.base().equals(target.base()) && !other.equals(target) && conversions.converts(other.quote())) {
                viewsOf.apply(other).forEach(view -> books.putIfAbsent(view.venue(), view));
            }
        }
        Map<String, List<BookView>> rateViews = new LinkedHashMap<>();
        for (BookView view : books.values()) {
            String quote = view.book().instrument().quote();
            if (!quote.equals(target.quote())) {
                rateViews.computeIfAbsent(quote, currency -> {
                    Instrument pair = conversions.rateInstrument(currency);
                    return conversions.needsRateBook(currency) && available.contains(pair) ? viewsOf.apply(pair)
                            : List.of();
                });
            }
        }
        return new SweptViews(List.copyOf(books.values()), rateViews);
    }

    /** The instruments among {@code available} whose books {@link #of} may read. */
    public static List<Instrument> needed(Conversions conversions, List<Instrument> available) {
        Instrument target = conversions.target();
        List<Instrument> needed = new ArrayList<>();
        for (Instrument instrument : available) {
            boolean converted = instrument.base().equals(target.base()) && conversions.converts(instrument.quote());
            boolean rate = instrument.quote().equals(target.quote()) && conversions.needsRateBook(instrument.base());
            if (instrument.equals(target) || converted || rate) {
                needed.add(instrument);
            }
        }
        return needed;
    }

    /** The venues that have a book to sweep, in order. */
    public List<String> venues() {
        return views.stream().map(BookView::venue).toList();
    }

    /** Only the books of {@code venues}, and the rate books of the currencies those quote in. */
    public SweptViews only(Collection<String> venues) {
        List<BookView> kept = views.stream().filter(view -> venues.contains(view.venue())).toList();
        Map<String, List<BookView>> rates = new LinkedHashMap<>();
        kept.forEach(view -> {
            String quote = view.book().instrument().quote();
            if (rateViews.containsKey(quote)) {
                rates.put(quote, rateViews.get(quote));
            }
        });
        return new SweptViews(kept, rates);
    }
}
