package dev.sweep.cli;

import dev.sweep.cli.bookfile.BookFile;
import dev.sweep.cli.render.HumanRenderer;
import dev.sweep.cli.render.JsonRenderer;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.MarketSweep;
import dev.sweep.core.OrderBook;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.OrderSide;
import dev.sweep.core.SweepAnalysis;
import dev.sweep.core.SweepSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep sell} and {@code sweep buy}: one class, told its side when it is registered. */
@Command(mixinStandardHelpOptions = true,
        footer = {"", "Examples:",
                "  sweep %1$s 15 --from examples/books.json",
                "  sweep %1$s --quote 1000000 --from examples/books.json --fee kraken=0.26%%",
                "  sweep %1$s 2.5 --symbol ETH-USD --venues kraken,coinbase --from books.json --json"})
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
            description = "Venues to sweep, comma-separated (default: every venue with a book).")
    private List<String> venues = new ArrayList<>();

    @Option(names = "--from", paramLabel = "FILE", required = true,
            description = "Read the books from a book file (format: README, \"Book files\").")
    private Path from;

    @Option(names = "--fee", paramLabel = "VENUE=RATE",
            description = "Taker fee for a venue, e.g. kraken=0.26%% (repeatable), or 'none' for no fees."
                    + " Defaults: each venue's lowest-volume tier.")
    private List<String> fees = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON document instead of the report.")
    private boolean json;

    OrderCommand(OrderSide side, Console console) {
        this.side = side;
        this.console = console;
    }

    @Override
    public Integer call() {
        Instrument instrument = instrument();
        OrderRequest request = request(instrument);
        TakerFees takerFees = TakerFees.from(fees);
        List<SweepSource> sources = sources(instrument, takerFees);
        SweepAnalysis analysis = new MarketSweep().analyze(request, sources);
        console.out().print(json ? new JsonRenderer().render(analysis) + "\n"
                : new HumanRenderer(console.colors()).render(analysis));
        console.out().flush();
        return ExitCode.OK;
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
        if (quantity != null) {
            return new OrderRequest(side, amount("quantity", quantity, instrument.sizeScale()), false);
        }
        return new OrderRequest(side, amount("--quote", quote, instrument.priceScale()), true);
    }

    private BigDecimal amount(String name, String text, int scale) {
        if (text.startsWith("--") || (text.startsWith("-") && text.length() > 1 && !Character.isDigit(text.charAt(1)))) {
            throw new UserInputException("unknown option '" + text + "' (see 'sweep " + side.label() + " --help')");
        }
        long value = FixedPoint.parse(text, scale);
        if (value < 0) {
            String reason = value == FixedPoint.SIGNED ? "must be a positive number" : FixedPoint.describe(value, scale);
            throw new UserInputException(name + " '" + abbreviate(text) + "' is not valid: " + reason);
        }
        if (value == 0) {
            throw new UserInputException(name + " must be greater than 0");
        }
        return FixedPoint.toBigDecimal(value, scale);
    }

    private List<SweepSource> sources(Instrument instrument, TakerFees takerFees) {
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
        List<SweepSource> sources = new ArrayList<>();
        for (OrderBook book : books) {
            if (venues.isEmpty() || venues.contains(book.venue())) {
                sources.add(new SweepSource(book, takerFees.of(book.venue())));
            }
        }
        return sources;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
