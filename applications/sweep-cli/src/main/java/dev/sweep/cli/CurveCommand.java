package dev.sweep.cli;

import dev.sweep.core.Instrument;
import dev.sweep.core.OrderSide;
import dev.sweep.report.SlippageCurve;
import dev.sweep.report.Symbols;
import dev.sweep.report.TakerFees;
import dev.sweep.report.UserInputException;
import dev.sweep.report.render.CurveRenderer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep curve sell|buy}: slippage at several sizes, per venue and merged, as {@code /api/v1/curve}. */
@Command(name = "curve", mixinStandardHelpOptions = true,
        description = "Slippage at several sizes: for each venue and merged, the VWAP and the slippage against the"
                + " best price and the mid of an order of each size, all from one copy of the books.",
        footer = {"", "Examples:", "  sweep curve sell --demo", "  sweep curve buy --sizes 1,10,100 --symbol ETH-USD",
                "  sweep curve sell --from examples/books.json --json"})
final class CurveCommand implements Callable<Integer> {

    private final Console console;

    @Parameters(index = "0", paramLabel = "SIDE", description = "sell (sweeps the bids) or buy (sweeps the asks).")
    private String side;

    @Option(names = "--sizes", split = ",", paramLabel = "QTY", defaultValue = SlippageCurve.DEFAULT_SIZES,
            description = "Sizes in the base asset (default: ${DEFAULT-VALUE}).")
    private List<String> sizes;

    @Option(names = "--symbol", paramLabel = "BASE-QUOTE", defaultValue = "BTC-USD",
            description = "Instrument (default: ${DEFAULT-VALUE}).")
    private String symbol;

    @Option(names = "--venues", split = ",", paramLabel = "VENUE",
            description = "Venues (default: kraken,coinbase,gemini; with --from: every venue in the file).")
    private List<String> venues = new ArrayList<>();

    @Option(names = "--fee", paramLabel = "[VENUE=]RATE", description = "Taker fees, as for sell and buy.")
    private List<String> fees = new ArrayList<>();

    @Option(names = "--from", paramLabel = "FILE", description = "Use the books of a book file instead of live ones.")
    private Path from;

    @Option(names = "--json", description = "Print one JSON document, as /api/v1/curve answers.")
    private boolean json;

    @Mixin
    private FeedOptions feed;

    CurveCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InterruptedException {
        OrderSide orderSide = side(side);
        Instrument instrument = Symbols.instrument("--symbol", symbol);
        List<BigDecimal> amounts = SlippageCurve.sizes("--sizes", sizes, instrument);
        TakerFees takerFees = TakerFees.from(fees);
        AnalysisViews books = AnalysisViews.of(console, feed, from, instrument, venues);
        List<String> unknownFees = takerFees.unknownVenues(books.views().stream().map(view -> view.venue()).toList());
        if (!unknownFees.isEmpty()) {
            throw new UserInputException("--fee names unknown venue(s): " + String.join(", ", unknownFees));
        }
        SlippageCurve curve = SlippageCurve.of(orderSide, amounts, books.views(), takerFees);
        CurveRenderer renderer = new CurveRenderer();
        console.out().print(json ? renderer.json(books.source(), curve, books.views()) + "\n"
                : renderer.text(curve, books.views()));
        console.out().flush();
        return ExitCode.OK;
    }

    private static OrderSide side(String text) {
        for (OrderSide candidate : OrderSide.values()) {
            if (candidate.label().equals(text)) {
                return candidate;
            }
        }
        throw new UserInputException("the side must be sell or buy, not '" + text + "'");
    }
}
