package dev.sweep.cli;

import dev.sweep.cli.bookfile.BookFile;
import dev.sweep.cli.render.BookTable;
import dev.sweep.core.Instrument;
import dev.sweep.feed.BookView;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.util.List;
import java.util.concurrent.Callable;
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
                        + feed.timeout + ": " + view.state() + (view.lastProblem() == null ? ""
                        : " (" + view.lastProblem() + ")") + (feed.demo ? "" : ". Try --demo."));
            }
            console.out().print(json ? BookFile.write(List.of(view.book()), depth) + "\n" : table(view));
            console.out().flush();
        }
        return ExitCode.OK;
    }

    private String table(BookView view) {
        return BookTable.render(view, depth);
    }
}
