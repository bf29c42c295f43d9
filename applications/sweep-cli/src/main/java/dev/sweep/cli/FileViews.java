package dev.sweep.cli;

import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.feed.BookView;
import dev.sweep.report.Conversions;
import dev.sweep.report.UserInputException;
import dev.sweep.report.bookfile.BookFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The books of a book file a sweep takes: each venue's book of the symbol, else its book quoted in a currency the
 * sweep converts (the first such in the file), and the file's rate books of each currency converted.
 *
 * @param views     the venues' books, those asked for, in the file's order (converted venues after the others)
 * @param available every venue of the file that has a book to sweep
 * @param rateViews the rate books ({@code USDT-USD}) of each currency a swept book is quoted in, by currency
 */
record FileViews(List<BookView> views, List<String> available, Map<String, List<BookView>> rateViews) {

    static FileViews read(Path file, Conversions conversions, List<String> venues) {
        Instrument instrument = conversions.target();
        Map<String, OrderBook> books = new LinkedHashMap<>();
        BookFile.read(file, instrument).forEach(book -> books.put(book.venue(), book));
        List<String> symbols = BookFile.symbols(file);
        for (String symbol : symbols) {
            Instrument other = parse(symbol);
            if (other != null && other.base().equals(instrument.base()) && !other.equals(instrument)
                    && conversions.converts(other.quote())) {
                BookFile.read(file, other).forEach(book -> books.putIfAbsent(book.venue(), book));
            }
        }
        if (books.isEmpty()) {
            throw new UserInputException(file + " has no " + instrument + " book"
                    + (symbols.isEmpty() ? "" : " (it has: " + String.join(", ", symbols) + ")"));
        }
        List<String> available = List.copyOf(books.keySet());
        List<String> selected = VenueSelection.among("--venues", venues, available, file + " has " + instrument
                + " books for: " + String.join(", ", available));
        List<BookView> views = new ArrayList<>();
        Map<String, List<BookView>> rateViews = new LinkedHashMap<>();
        for (OrderBook book : books.values()) {
            if (!selected.contains(book.venue())) {
                continue;
            }
            views.add(BookView.fromFile(book));
            String quote = book.instrument().quote();
            if (!quote.equals(instrument.quote())) {
                rateViews.computeIfAbsent(quote, currency -> rates(file, conversions, currency, symbols));
            }
        }
        return new FileViews(views, available, rateViews);
    }

    /** The instrument a file's symbol names, or null when it is not {@code BASE-QUOTE} (no book to convert). */
    private static Instrument parse(String symbol) {
        try {
            return Instrument.of(symbol);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<BookView> rates(Path file, Conversions conversions, String currency, List<String> symbols) {
        Instrument pair = conversions.rateInstrument(currency);
        if (!conversions.needsRateBook(currency) || !symbols.contains(pair.symbol())) {
            return List.of();
        }
        return BookFile.read(file, pair).stream().map(BookView::fromFile).toList();
    }
}
