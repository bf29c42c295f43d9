package dev.sweep.server;

import dev.sweep.venue.Venues;
import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.feed.BookView;
import dev.sweep.report.Conversions;
import dev.sweep.report.SweptViews;
import dev.sweep.report.Symbols;
import dev.sweep.report.UserInputException;
import dev.sweep.report.bookfile.BookFile;
import dev.sweep.report.render.SweepOutput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The books of a book file, for what-if analysis and deterministic tests: read whole once, never changing, each
 * shown as live with no age, as {@code sweep sell --from} shows them.
 */
public final class FileBooks implements BookSource {

    private final Map<Instrument, List<BookView>> views;
    private final List<Instrument> instruments;
    private final List<String> venues;

    private FileBooks(Map<Instrument, List<BookView>> views, List<Instrument> instruments, List<String> venues) {
        this.views = views;
        this.instruments = List.copyOf(instruments);
        this.venues = venues;
    }

    /**
     * Reads the books of the file.
     *
     * @param symbols the instruments to serve, or empty for every one in the file
     * @param venues  the venues to serve, or empty for every one in the file
     * @throws UserInputException when the file is not a valid book file, or lacks a symbol or venue asked for
     */
    public static FileBooks read(Path file, List<String> symbols, List<String> venues) {
        List<String> available = BookFile.symbols(file);
        List<Instrument> instruments = Symbols.instruments("--symbols", symbols.isEmpty() ? available : symbols);
        for (Instrument instrument : instruments) {
            if (!available.contains(instrument.symbol())) {
                throw new UserInputException(file + " has no " + instrument + " book"
                        + (available.isEmpty() ? "" : " (it has: " + String.join(", ", available) + ")"));
            }
        }
        if (instruments.isEmpty()) {
            throw new UserInputException(file + " holds no books");
        }
        Map<Instrument, List<BookView>> views = new LinkedHashMap<>();
        Set<String> served = new LinkedHashSet<>();
        Set<String> found = new LinkedHashSet<>();
        for (Instrument instrument : followed(instruments, available)) {
            List<BookView> books = new ArrayList<>();
            for (OrderBook book : BookFile.read(file, instrument)) {
                found.add(book.venue());
                if (venues.isEmpty() || venues.contains(book.venue())) {
                    books.add(BookView.fromFile(book));
                    served.add(book.venue());
                }
            }
            views.put(instrument, List.copyOf(books));
        }
        for (String venue : venues) {
            if (!found.contains(venue)) {
                throw new UserInputException("--venues: " + file + " has no book of venue '" + venue + "' (it has: "
                        + String.join(", ", found) + ")");
            }
        }
        return new FileBooks(views, instruments, List.copyOf(served));
    }

    /**
     * The instruments served, then the file's books a sweep of them converts and their rate books, as
     * {@code sweep sell --from} takes them.
     */
    private static List<Instrument> followed(List<Instrument> instruments, List<String> available) {
        List<Instrument> inFile = new ArrayList<>();
        for (String symbol : available) {
            try {
                inFile.add(Instrument.of(symbol));
            } catch (IllegalArgumentException e) {
                // Not BASE-QUOTE: no sweep converts it, and a request cannot name it.
            }
        }
        Set<Instrument> followed = new LinkedHashSet<>(instruments);
        instruments.forEach(instrument -> followed.addAll(SweptViews.needed(Conversions.of(instrument, false,
                List.of()), inFile)));
        return List.copyOf(followed);
    }

    @Override
    public String kind() {
        return SweepOutput.FILE;
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public List<Instrument> followed() {
        return List.copyOf(views.keySet());
    }

    @Override
    public List<String> venues() {
        return venues;
    }

    @Override
    public List<BookView> views(Instrument instrument) {
        return views.get(instrument);
    }

    @Override
    public boolean fixed() {
        return true;
    }
}
