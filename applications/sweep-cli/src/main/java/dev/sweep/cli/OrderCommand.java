package dev.sweep.cli;

import dev.sweep.core.BookCut;
import dev.sweep.report.Conversions;
import dev.sweep.report.Durations;
import dev.sweep.report.Rates;
import dev.sweep.report.Reports;
import dev.sweep.report.TakerFees;
import dev.sweep.report.UserInputException;
import dev.sweep.report.render.NothingLive;
import dev.sweep.report.render.FillList;
import dev.sweep.report.render.SweepOutput;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.OrderSide;
import dev.sweep.feed.BookCopies;
import dev.sweep.feed.BookView;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import dev.sweep.report.VenueTexts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweep sell} and {@code sweep buy}: one class, told its side when it is registered ({@link #command}), which
 * also writes the side into the description and the examples.
 */
@Command(mixinStandardHelpOptions = true)
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
            description = "Venues to sweep, comma-separated (default: ${bundle:venues.list}; with --from: every venue"
                    + " in the file).")
    private List<String> venues = new ArrayList<>();

    @Option(names = "--from", paramLabel = "FILE",
            description = "Sweep the books of a book file instead of live ones (format: README, \"Book files\").")
    private Path from;

    @Option(names = "--fee", paramLabel = "[VENUE=]RATE",
            description = "Taker fee with its unit, for a venue (${bundle:venue.example}=0.26%% or"
                    + " ${bundle:venue.example}=26bps, repeatable) or for"
                    + " every venue (e.g. 0.1%%), or 'none' for no fees; a venue's own rate wins."
                    + " Defaults: each venue's lowest-volume tier.")
    private List<String> fees = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON document instead of the report (with --watch: one per line).")
    private boolean json;

    @Option(names = "--csv", description = "Print the per-venue and merged summaries as CSV instead of the report"
            + " (with --watch: the header once, then rows per refresh).")
    private boolean csv;

    @Option(names = "--fills", description = "List every fill in the report, not only the first and last few.")
    private boolean allFills;

    @Option(names = "--watch", description = "Refresh the report in place until Ctrl-C.")
    private boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "2s",
            description = "Time between refreshes with --watch (default: ${DEFAULT-VALUE}).")
    private String interval;

    @Option(names = "--no-convert", description = "Sweep only the books quoted in the symbol's own currency: no"
            + " venue's USDT book converted to USD.")
    private boolean noConvert;

    @Option(names = "--convert", paramLabel = "FROM=TO@RATE",
            description = "Convert the books quoted in FROM into the symbol's currency TO at this rate instead of the"
                    + " best live rate book's, e.g. USDT=USD@1 (repeatable, once per currency).")
    private List<String> convert = new ArrayList<>();

    @Mixin
    private FeedOptions feed;

    OrderCommand(OrderSide side, Console console) {
        this.side = side;
        this.console = console;
    }

    /** The command for one side, its help naming that side. */
    static CommandLine command(OrderSide side, Console console) {
        CommandLine command = new CommandLine(new OrderCommand(side, console));
        command.getCommandSpec().usageMessage()
                .description(side == OrderSide.SELL
                        ? "Sweep the bids: what selling QTY now would fetch on each venue and merged."
                        : "Sweep the asks: what buying QTY now would cost on each venue and merged.")
                .footer(examples(side.label()));
        return command;
    }

    /** Picocli renders footers with {@code String.format}: a literal percent sign is written {@code %%}. */
    private static String[] examples(String side) {
        return new String[] {"", "Examples:",
                "  sweep " + side + " 15 --demo                    (offline: the built-in simulator)",
                "  sweep " + side + " 15                           (live: " + String.join(", ", Venues.names()) + ")",
                "  sweep " + side + " 15 --watch --interval 2s",
                "  sweep " + side + " --quote 1000000 --fee " + VenueTexts.example() + "=0.26%%",
                "  sweep " + side + " 2.5 --symbol ETH-USD --venues " + VenueTexts.example() + ","
                        + VenueTexts.other() + " --json",
                "  sweep " + side + " 15 --from examples/books.json  (offline what-if on saved books)"};
    }

    @Override
    public Integer call() throws InterruptedException {
        Instrument instrument = instrument();
        OrderRequest request = request(instrument);
        TakerFees takerFees = TakerFees.from(fees);
        Conversions conversions = Conversions.of(instrument, noConvert, convert);
        Duration refresh = Durations.parse("--interval", interval);
        ReportPrinter printer = printer();
        if (from != null) {
            if (feed.demo || !feed.endpoints.isEmpty()) {
                throw new UserInputException("--from reads books from a file: it cannot be combined with --demo or"
                        + " --endpoint");
            }
            FileViews file = FileViews.read(from, conversions, venues);
            List<String> unknownFees = takerFees.unknownVenues(file.available());
            if (!unknownFees.isEmpty()) {
                throw new UserInputException("--fee names unknown venue(s): " + String.join(", ", unknownFees));
            }
            Rates rates = Rates.choose(conversions, side, file.rateViews());
            List<BookView> views = Reports.withRates(instrument, file.views(), rates);
            if (views.stream().noneMatch(BookView::isLive)) {
                throw new UserInputException("nothing to sweep in " + from + ": " + views.stream()
                        .map(view -> view.venue() + " " + Reports.state(view)).collect(Collectors.joining("; ")));
            }
            printer.print(new SweepOutput(SweepOutput.FILE, Reports.analyze(request, instrument, views, takerFees,
                    rates), views));
            return ExitCode.OK;
        }
        return live(instrument, request, takerFees, conversions, refresh, printer);
    }

    private int live(Instrument instrument, OrderRequest request, TakerFees takerFees, Conversions conversions,
                     Duration refresh, ReportPrinter printer)
            throws InterruptedException {
        List<Venue> selected = VenueSelection.of("--venues", venues);
        List<String> unknownFees = takerFees.unknownVenues(selected.stream().map(Venue::name).toList());
        if (!unknownFees.isEmpty()) {
            throw new UserInputException("--fee names unknown venue(s): " + String.join(", ", unknownFees));
        }
        QuotePlan plan = QuotePlan.of(selected, !venues.isEmpty(), conversions);
        Duration timeout = feed.timeout();
        feed.startLogs(console);
        Logger log = LoggerFactory.getLogger("sweep.sweep");
        try (LiveFeeds feeds = LiveFeeds.start(feed, plan.venues(), plan.subscribed())) {
            Thread closer = new Thread(feeds::close, "sweep-shutdown");
            Runtime.getRuntime().addShutdownHook(closer);
            String source = feeds.isDemo() ? SweepOutput.DEMO : SweepOutput.LIVE;
            Progress progress = new Progress(console);
            // Each refresh copies only the levels the sweep reaches, into the same books.
            BookCut cut = BookCut.forOrder(request, instrument,
                    takerFees.highest(selected.stream().map(Venue::name).toList()));
            BookCopies copies = new BookCopies();
            Map<Instrument, List<BookView>> books = feeds.read(plan, instrument, cut, copies, timeout, progress);
            progress.clear();
            String asked = side.label() + " " + request.describe(instrument);
            boolean first = true;
            do {
                Rates rates = Rates.choose(conversions, side, plan.rateViews(books, plan.converted(instrument)));
                List<BookView> views = Reports.withRates(instrument, plan.sweptViews(books), rates);
                if (first && !watch && views.stream().noneMatch(BookView::isLive)) {
                    throw FeedFailureException.noLiveBook(instrument, views, feed.timeout, feeds.isDemo());
                }
                first = false;
                if (views.stream().noneMatch(BookView::isLive)) {
                    // Only under --watch: the books may come back by the next refresh.
                    log.info("{}: no live book; {}", asked, views.stream()
                            .map(view -> view.venue() + " " + view.state()).toList());
                    printer.print(new NothingLive(source, request, instrument, views));
                } else {
                    SweepOutput output = new SweepOutput(source, Reports.analyze(request, instrument, views,
                            takerFees, rates), views);
                    log.info("{}: merged VWAP {}, filled {}; live: {}", asked, output.analysis().merged().vwap(),
                            output.analysis().merged().filled().stripTrailingZeros().toPlainString(),
                            views.stream().filter(BookView::isLive).map(BookView::venue).toList());
                    printer.print(output);
                }
                if (watch) {
                    TimeUnit.MILLISECONDS.sleep(refresh.toMillis());
                    books = feeds.read(plan, instrument, cut, copies, null, null);
                }
            } while (watch);
            Runtime.getRuntime().removeShutdownHook(closer);
        }
        return ExitCode.OK;
    }

    /** The printer the options ask for; a watch lists the fills in summary, so that a redraw fits the screen. */
    private ReportPrinter printer() {
        if (json && csv) {
            throw new UserInputException("--json and --csv each replace the report: choose one");
        }
        if (allFills && (json || csv)) {
            throw new UserInputException("--fills is for the text report: the JSON always lists every fill, the CSV"
                    + " only the summaries");
        }
        if (allFills && watch) {
            throw new UserInputException("--fills is for a single report: under --watch the report lists the first and"
                    + " last fills, so that it fits the screen");
        }
        ReportFormat format = json ? ReportFormat.JSON : csv ? ReportFormat.CSV : ReportFormat.TEXT;
        return new ReportPrinter(console, format, allFills ? FillList.ALL : FillList.SUMMARY, watch && from == null);
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
}
