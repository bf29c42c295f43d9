package dev.sweep.cli;

import dev.sweep.core.Instrument;
import dev.sweep.feed.BookView;
import dev.sweep.report.Conversions;
import dev.sweep.report.SweptViews;
import dev.sweep.report.UserInputException;
import dev.sweep.report.bookfile.BookFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The books of a book file a sweep takes: each venue's book of the symbol, else its book quoted in a currency the
 * sweep converts (the first such in the file), and the file's rate books of each currency converted
 * ({@link SweptViews}, as a server of the file takes them).
 *
 * @param views     the venues' books, those asked for, in the file's order (converted venues after the others)
 * @param available every venue of the file that has a book to sweep
 * @param rateViews the rate books ({@code USDT-USD}) of each currency a swept book is quoted in, by currency
 */
record FileViews(List<BookView> views, List<String> available, Map<String, List<BookView>> rateViews) {

    static FileViews read(Path file, Conversions conversions, List<String> venues) {
        Instrument instrument = conversions.target();
        // The symbol's books first: a file that is not a book file is named so by this read.
        List<BookView> own = views(file, instrument);
        List<String> symbols = BookFile.symbols(file);
        List<Instrument> instruments = new ArrayList<>(List.of(instrument));
        symbols.stream().map(FileViews::parse).filter(other -> other != null && !instruments.contains(other))
                .forEach(instruments::add);
        SweptViews all = SweptViews.of(conversions, instruments, book -> book.equals(instrument) ? own
                : views(file, book));
        if (all.views().isEmpty()) {
            throw new UserInputException(file + " has no " + instrument + " book"
                    + (symbols.isEmpty() ? "" : " (it has: " + String.join(", ", symbols) + ")"));
        }
        List<String> available = all.venues();
        List<String> selected = VenueSelection.among("--venues", venues, available, file + " has " + instrument
                + " books for: " + String.join(", ", available));
        SweptViews swept = all.only(selected);
        return new FileViews(swept.views(), available, swept.rateViews());
    }

    private static List<BookView> views(Path file, Instrument instrument) {
        return BookFile.read(file, instrument).stream().map(BookView::fromFile).toList();
    }

    /** The instrument a file's symbol names, or null when it is not {@code BASE-QUOTE} (no book to convert). */
    private static Instrument parse(String symbol) {
        try {
            return Instrument.of(symbol);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
