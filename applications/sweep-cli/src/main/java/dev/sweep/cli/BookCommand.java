package dev.sweep.cli;

import dev.sweep.cli.bookfile.BookFile;
import dev.sweep.core.BookSide;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.feed.BookView;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep book VENUE SYMBOL}: one venue's live book. */
@Command(name = "book", mixinStandardHelpOptions = true,
        description = "Show one venue's live book. With --json it prints a book file, which --from can sweep later.",
        footer = {"", "Examples:", "  sweep book kraken BTC-USD --depth 10",
                "  sweep book coinbase ETH-USD --json > books.json && sweep sell 10 --symbol ETH-USD --from books.json"})
final class BookCommand implements Callable<Integer> {

    private final Console console;

    @Parameters(index = "0", paramLabel = "VENUE", description = "kraken, coinbase or gemini.")
    private String venueName;

    @Parameters(index = "1", paramLabel = "SYMBOL", description = "The instrument, e.g. BTC-USD.")
    private String symbol;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "10",
            description = "Levels per side to show (default: ${DEFAULT-VALUE}).")
    private int depth;

    @Option(names = "--json", description = "Print the book as a book file.")
    private boolean json;

    @Mixin
    private FeedOptions feed;

    BookCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InterruptedException {
        Venue venue = Venues.byName(venueName).orElseThrow(() -> new UserInputException("unknown venue '" + venueName
                + "' (venues: " + String.join(", ", Venues.names()) + ")"));
        Instrument instrument;
        try {
            instrument = Instrument.of(symbol);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        if (depth < 1) {
            throw new UserInputException("--depth must be at least 1");
        }
        Logs.configure(feed.logDir);
        try (LiveFeeds feeds = LiveFeeds.start(feed, List.of(venue), List.of(instrument))) {
            Progress progress = new Progress(console);
            BookView view = feeds.awaitLive(instrument, feed.timeout(), progress::show).get(0);
            progress.clear();
            if (!view.isLive()) {
                throw new FeedFailureException("no live " + instrument + " book from " + venue.name() + " within "
                        + feed.timeout + ": " + Reports.state(view) + (feed.demo ? "" : ". Try --demo."));
            }
            console.out().print(json ? BookFile.write(List.of(view.book()), depth) + "\n" : table(view));
            console.out().flush();
        }
        return ExitCode.OK;
    }

    private String table(BookView view) {
        OrderBook book = view.book();
        Instrument instrument = book.instrument();
        StringBuilder out = new StringBuilder();
        out.append(view.venue()).append(' ').append(instrument).append(" · ").append(view.state()).append(" · ")
                .append(TimeUnit.NANOSECONDS.toMillis(Math.max(0, view.ageNanos()))).append(" ms old · ")
                .append(book.bids().depth()).append(" bids, ").append(book.asks().depth()).append(" asks\n");
        out.append(String.format("%36s   %-36s%n", "bids (size @ price)", "asks (price @ size)"));
        for (int i = 0; i < Math.min(depth, Math.max(book.bids().depth(), book.asks().depth())); i++) {
            out.append(String.format("%36s │ %-36s%n", level(book.bids(), i, instrument, true),
                    level(book.asks(), i, instrument, false)));
        }
        return out.toString();
    }

    private static String level(BookSide side, int index, Instrument instrument, boolean sizeFirst) {
        if (index >= side.depth()) {
            return "";
        }
        String price = FixedPoint.format(side.price(index), instrument.priceScale());
        String size = FixedPoint.format(side.size(index), instrument.sizeScale());
        return sizeFirst ? size + " @ " + price : price + " @ " + size;
    }
}
