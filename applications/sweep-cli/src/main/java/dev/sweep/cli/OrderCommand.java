package dev.sweep.cli;

import dev.sweep.cli.bookfile.BookFile;
import dev.sweep.cli.render.SweepOutput;
import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.OrderSide;
import dev.sweep.core.SweepAnalysis;
import dev.sweep.feed.BookView;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep sell} and {@code sweep buy}: one class, told its side when it is registered. */
@Command(mixinStandardHelpOptions = true,
        footer = {"", "Examples:",
                "  sweep %1$s 15 --demo                      (offline, against the built-in simulator)",
                "  sweep %1$s 15                             (live: Kraken, Coinbase and Gemini)",
                "  sweep %1$s 15 --watch --interval 2s",
                "  sweep %1$s --quote 1000000 --fee kraken=0.26%%",
                "  sweep %1$s 2.5 --symbol ETH-USD --venues kraken,coinbase --json",
                "  sweep %1$s 15 --from examples/books.json    (offline what-if on saved books)"})
final class OrderCommand implements Callable<Integer> {

    private final OrderSide side;
    private final Console console;

    @Parameters(arity = "0..1", paramLabel = "QTY",
            description = "Size to ${COMMAND-NAME} in the base asset, e.g. 15 (BTC for BTC-USD).")
    private String quantity;

    @Option(names = "--quote", paramLabel = "AMOUNT",
            description = "Size the order in the quote currency instead: for buy, the amount to spend including fees;"
                    + " for sell, the proceeds wanted after fees.")
    private String quote;

    @Option(names = "--symbol", paramLabel = "BASE-QUOTE", defaultValue = "BTC-USD",
            description = "Instrument, written the same for every venue (default: ${DEFAULT-VALUE}).")
    private String symbol;

    @Option(names = "--venues", split = ",", paramLabel = "VENUE",
            description = "Venues to sweep, comma-separated (default: kraken,coinbase,gemini; with --from: every venue"
                    + " in the file).")
    private List<String> venues = new ArrayList<>();

    @Option(names = "--from", paramLabel = "FILE",
            description = "Sweep the books of a book file instead of live ones (format: README, \"Book files\").")
    private Path from;

    @Option(names = "--fee", paramLabel = "VENUE=RATE",
            description = "Taker fee for a venue, e.g. kraken=0.26%% (repeatable), or 'none' for no fees."
                    + " Defaults: each venue's lowest-volume tier.")
    private List<String> fees = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON document instead of the report (with --watch: one per line).")
    private boolean json;

    @Option(names = "--watch", description = "Refresh the report in place until Ctrl-C.")
    private boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "2s",
            description = "Time between refreshes with --watch (default: ${DEFAULT-VALUE}).")
    private String interval;

    @Mixin
    private FeedOptions feed;

    OrderCommand(OrderSide side, Console console) {
        this.side = side;
        this.console = console;
    }

    @Override
    public Integer call() throws InterruptedException {
        Instrument instrument = instrument();
        OrderRequest request = request(instrument);
        TakerFees takerFees = TakerFees.from(fees);
        Duration refresh = Durations.parse("--interval", interval);
        if (from != null) {
            if (feed.demo || !feed.endpoints.isEmpty()) {
                throw new UserInputException("--from reads books from a file: it cannot be combined with --demo or"
                        + " --endpoint");
            }
            List<BookView> views = fileViews(instrument, takerFees);
            print(new SweepOutput(SweepOutput.FILE, analyze(request, views, takerFees), views));
            return ExitCode.OK;
        }
        return live(instrument, request, takerFees, refresh);
    }

    private int live(Instrument instrument, OrderRequest request, TakerFees takerFees, Duration refresh)
            throws InterruptedException {
        List<Venue> selected = selectedVenues();
        List<String> unknownFees = takerFees.unknownVenues(selected.stream().map(Venue::name).toList());
        if (!unknownFees.isEmpty()) {
            throw new UserInputException("--fee names unknown venue(s): " + String.join(", ", unknownFees));
        }
        Duration timeout = feed.timeout();
        Logs.configure(feed.logDir);
        Logger log = LoggerFactory.getLogger("sweep.sweep");
        try (LiveFeeds feeds = LiveFeeds.start(feed, selected, List.of(instrument))) {
            Thread closer = new Thread(feeds::close, "sweep-shutdown");
            Runtime.getRuntime().addShutdownHook(closer);
            String source = feeds.isDemo() ? SweepOutput.DEMO : SweepOutput.LIVE;
            Progress progress = new Progress(console);
            List<BookView> views = feeds.awaitLive(instrument, timeout, progress::show);
            progress.clear();
            if (views.stream().noneMatch(BookView::isLive)) {
                throw new FeedFailureException("no live " + instrument + " book within " + feed.timeout + ": "
                        + views.stream().map(view -> view.venue() + " " + Reports.state(view))
                        .collect(Collectors.joining("; "))
                        + (feeds.isDemo() ? "" : ". Try --demo to run against the built-in simulator."));
            }
            do {
                SweepOutput output = new SweepOutput(source, analyze(request, views, takerFees), views);
                log.info("{} {} {}: merged VWAP {}, filled {}; live: {}", side.label(),
                        request.amount().stripTrailingZeros().toPlainString(), instrument,
                        output.analysis().merged().vwap(),
                        output.analysis().merged().filled().stripTrailingZeros().toPlainString(),
                        views.stream().filter(BookView::isLive).map(BookView::venue).toList());
                if (watch && !json && console.colors()) {
                    console.out().print("\u001b[H\u001b[2J");
                }
                print(output);
                if (watch) {
                    TimeUnit.MILLISECONDS.sleep(refresh.toMillis());
                    views = feeds.views(instrument);
                }
            } while (watch);
            Runtime.getRuntime().removeShutdownHook(closer);
        }
        return ExitCode.OK;
    }

    private void print(SweepOutput output) {
        Reports.print(console, json, output);
    }

    private static SweepAnalysis analyze(OrderRequest request, List<BookView> views, TakerFees takerFees) {
        return Reports.analyze(request, views, takerFees);
    }

    private List<Venue> selectedVenues() {
        if (venues.isEmpty()) {
            return Venues.all();
        }
        List<Venue> selected = new ArrayList<>();
        for (String name : venues) {
            selected.add(Venues.byName(name).orElseThrow(() -> new UserInputException("unknown venue '" + name
                    + "' (venues: " + String.join(", ", Venues.names()) + ")")));
        }
        return selected;
    }

    private Instrument instrument() {
        try {
            return Instrument.of(symbol);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--symbol: " + e.getMessage());
        }
    }

    private OrderRequest request(Instrument instrument) {
        if ((quantity == null) == (quote == null)) {
            throw new UserInputException("give either a quantity (sweep " + side.label() + " 15) or --quote AMOUNT,"
                    + " not " + (quantity == null ? "neither" : "both"));
        }
        return Amounts.request(side, quantity, quote, instrument);
    }

    private List<BookView> fileViews(Instrument instrument, TakerFees takerFees) {
        List<OrderBook> books = BookFile.read(from, instrument);
        if (books.isEmpty()) {
            List<String> symbols = BookFile.symbols(from);
            throw new UserInputException(from + " has no " + instrument + " book"
                    + (symbols.isEmpty() ? "" : " (it has: " + String.join(", ", symbols) + ")"));
        }
        List<String> available = books.stream().map(OrderBook::venue).toList();
        for (String venue : venues) {
            if (!available.contains(venue)) {
                throw new UserInputException("unknown venue '" + venue + "': " + from + " has " + instrument
                        + " books for " + String.join(", ", available));
            }
        }
        List<String> unknownFees = takerFees.unknownVenues(available);
        if (!unknownFees.isEmpty()) {
            throw new UserInputException("--fee names unknown venue(s): " + String.join(", ", unknownFees));
        }
        List<BookView> views = new ArrayList<>();
        for (OrderBook book : books) {
            if (venues.isEmpty() || venues.contains(book.venue())) {
                views.add(new BookView(book.venue(), BookState.LIVE, book, -1, 1, 0, null));
            }
        }
        return views;
    }
}
