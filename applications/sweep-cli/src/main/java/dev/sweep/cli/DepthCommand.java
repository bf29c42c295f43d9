package dev.sweep.cli;

import dev.sweep.core.Instrument;
import dev.sweep.report.MarketDepth;
import dev.sweep.report.Symbols;
import dev.sweep.report.render.DepthRenderer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
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

    @Option(names = "--symbol", paramLabel = "BASE-QUOTE", defaultValue = "BTC-USD",
            description = "Instrument (default: ${DEFAULT-VALUE}).")
    private String symbol;

    @Option(names = "--venues", split = ",", paramLabel = "VENUE",
            description = "Venues (default: kraken,coinbase,gemini; with --from: every venue in the file).")
    private List<String> venues = new ArrayList<>();

    @Option(names = "--from", paramLabel = "FILE", description = "Use the books of a book file instead of live ones.")
    private Path from;

    @Option(names = "--json", description = "Print one JSON document, as /api/v1/depth answers.")
    private boolean json;

    @Mixin
    private FeedOptions feed;

    DepthCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InterruptedException {
        Instrument instrument = Symbols.instrument("--symbol", symbol);
        List<BigDecimal> percentages = MarketDepth.bands("--bands", bands);
        AnalysisViews books = AnalysisViews.of(console, feed, from, instrument, venues);
        MarketDepth depth = MarketDepth.of(percentages, books.views());
        DepthRenderer renderer = new DepthRenderer();
        console.out().print(json ? renderer.json(books.source(), depth, books.views()) + "\n"
                : renderer.text(depth, books.views()));
        console.out().flush();
        return ExitCode.OK;
    }
}
