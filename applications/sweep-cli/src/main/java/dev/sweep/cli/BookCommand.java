package dev.sweep.cli;

import dev.sweep.report.Conversions;
import dev.sweep.report.ConvertedViews;
import dev.sweep.report.UserInputException;
import dev.sweep.report.bookfile.BookFile;
import dev.sweep.report.render.BookTable;
import dev.sweep.core.ConversionRate;
import dev.sweep.core.Instrument;
import dev.sweep.feed.BookView;
import dev.sweep.venue.Venue;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sweep book VENUE SYMBOL}: one venue's live book; for a venue without a book of the symbol, its book in a
 * currency Sweep converts, converted as {@code sweep depth} converts it: the bids at the best live rate a sell takes,
 * the asks at a buy's (README, "USD and USDT").
 */
@Command(name = "book", mixinStandardHelpOptions = true,
        description = "Show one venue's live book; a venue with only USDT books shows its USDT book converted to USD,"
                + " naming the rates. With --json it prints a book file, which --from can sweep later.",
        footer = {"", "Examples:", "  sweep book ${bundle:venue.example} BTC-USD --depth 10",
                "  sweep book ${bundle:venue.other} ETH-USD --json > books.json && sweep sell 10 --symbol ETH-USD"
                        + " --from books.json"})
final class BookCommand implements Callable<Integer> {

    private final Console console;

    @Parameters(index = "0", paramLabel = "VENUE", description = "${bundle:venues.choice}.")
    private String venueName;

    @Parameters(index = "1", paramLabel = "SYMBOL", description = "The instrument, e.g. BTC-USD.")
    private String symbol;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "10",
            description = "Levels per side to show (default: ${DEFAULT-VALUE}); with --json, to write (default: the"
                    + " whole book).")
    private int depth;

    @Option(names = "--json", description = "Print the book as a book file: the whole book unless --depth is given.")
    private boolean json;

    @Option(names = "--no-convert", description = "Show only a book quoted in the symbol's own currency: a venue that"
            + " lists only USDT books then has no BTC-USD book to show, rather than its BTC-USDT book converted to"
            + " USD.")
    private boolean noConvert;

    @Spec
    private CommandSpec spec;

    @Mixin
    private FeedOptions feed;

    BookCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InterruptedException {
        Venue venue = VenueSelection.venue(venueName);
        Instrument instrument;
        try {
            instrument = Instrument.of(symbol);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        Conversions conversions = Conversions.of(instrument, noConvert, List.of());
        boolean converted = !venue.lists(instrument) && conversions.bookQuote(venue.quoteCurrencies()).isPresent();
        if (!converted) {
            VenueSelection.checkListed("", venue, List.of(instrument));
        }
        if (depth < 1) {
            throw new UserInputException("--depth must be at least 1");
        }
        if (converted) {
            ConvertedViews views = AnalysisViews.of(console, feed, null, instrument, List.of(venue.name()),
                    conversions).books();
            BookView view = views.views().get(0);
            ConversionRate bid = views.bidRates().get(venue.name());
            ConversionRate ask = views.askRates().get(venue.name());
            console.out().print(json ? BookFile.write(view.book(), fileDepth(), bid, ask) + "\n"
                    : BookTable.render(view, depth, bid, ask));
            console.out().flush();
            return ExitCode.OK;
        }
        feed.startLogs(console);
        try (LiveFeeds feeds = LiveFeeds.start(feed, List.of(venue), List.of(instrument))) {
            Progress progress = new Progress(console);
            BookView view = feeds.awaitLive(instrument, feed.timeout(), progress).get(0);
            progress.clear();
            if (!view.isLive()) {
                throw FeedFailureException.noLiveBook(instrument, List.of(view), feed.timeout, feed.demo);
            }
            console.out().print(json ? BookFile.write(List.of(view.book()), fileDepth()) + "\n" : table(view));
            console.out().flush();
        }
        return ExitCode.OK;
    }

    /** A book file is swept later, so it holds the whole book unless a depth was asked for. */
    private int fileDepth() {
        return spec.commandLine().getParseResult().hasMatchedOption("--depth") ? depth : Integer.MAX_VALUE;
    }

    private String table(BookView view) {
        return BookTable.render(view, depth);
    }
}
