package dev.sweep.cli;

import dev.sweep.core.Instrument;
import dev.sweep.core.OrderSide;
import dev.sweep.report.Conversions;
import dev.sweep.report.ConvertedViews;
import dev.sweep.report.SlippageCurve;
import dev.sweep.report.TakerFees;
import dev.sweep.report.UserInputException;
import dev.sweep.report.render.CurveRenderer;
import java.math.BigDecimal;
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

    @Option(names = "--fee", paramLabel = "[VENUE=]RATE", description = "Taker fees, as for sell and buy.")
    private List<String> fees = new ArrayList<>();

    @Option(names = "--no-convert", description = "Only the books quoted in the symbol's own currency: no venue's USDT"
            + " book converted to USD.")
    private boolean noConvert;

    @Mixin
    private AnalysisOptions books;

    CurveCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InterruptedException {
        OrderSide orderSide = side(side);
        Instrument instrument = books.instrument();
        List<BigDecimal> amounts = SlippageCurve.sizes("--sizes", sizes, instrument);
        TakerFees takerFees = TakerFees.from(fees);
        AnalysisViews analysis = books.views(console, instrument, Conversions.of(instrument, noConvert, List.of()));
        ConvertedViews views = analysis.books();
        List<String> unknownFees = takerFees.unknownVenues(views.views().stream().map(view -> view.venue()).toList());
        if (!unknownFees.isEmpty()) {
            throw new UserInputException("--fee names unknown venue(s): " + String.join(", ", unknownFees));
        }
        SlippageCurve curve = SlippageCurve.of(orderSide, amounts, views.views(), takerFees);
        CurveRenderer renderer = new CurveRenderer();
        console.out().print(books.json ? renderer.json(analysis.source(), curve, views.views(),
                views.rates(orderSide)) + "\n" : renderer.text(curve, views.views(), views.rates(orderSide)));
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
