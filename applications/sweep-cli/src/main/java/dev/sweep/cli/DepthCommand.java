package dev.sweep.cli;

import dev.sweep.core.Instrument;
import dev.sweep.report.Conversions;
import dev.sweep.report.ConvertedViews;
import dev.sweep.report.MarketDepth;
import dev.sweep.report.render.DepthRenderer;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sweep depth}: size and notional within ±X % of the mid, per venue and merged, as {@code /api/v1/depth}. */
@Command(name = "depth", mixinStandardHelpOptions = true,
        description = "Depth: the size and notional resting within ±X percent of the mid, for each venue and merged.",
        footer = {"", "Examples:", "  sweep depth --demo", "  sweep depth --bands 0.5,2 --symbol ETH-USD",
                "  sweep depth --from examples/books.json --json"})
final class DepthCommand implements Callable<Integer> {

    private final Console console;

    @Option(names = "--bands", split = ",", paramLabel = "PCT", defaultValue = MarketDepth.DEFAULT_BANDS,
            description = "Bands in percent of the mid (default: ${DEFAULT-VALUE}).")
    private List<String> bands;

    @Option(names = "--no-convert", description = "Only the books quoted in the symbol's own currency: no venue's USDT"
            + " book converted to USD.")
    private boolean noConvert;

    @Mixin
    private AnalysisOptions books;

    DepthCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InterruptedException {
        Instrument instrument = books.instrument();
        List<BigDecimal> percentages = MarketDepth.bands("--bands", bands);
        AnalysisViews analysis = books.views(console, instrument, Conversions.of(instrument, noConvert, List.of()));
        ConvertedViews views = analysis.books();
        MarketDepth depth = MarketDepth.of(percentages, views.views());
        DepthRenderer renderer = new DepthRenderer();
        console.out().print(books.json ? renderer.json(analysis.source(), depth, views.views(), views.bidRates(),
                views.askRates()) + "\n" : renderer.text(depth, views.views(), views.bidRates(), views.askRates()));
        console.out().flush();
        return ExitCode.OK;
    }
}
