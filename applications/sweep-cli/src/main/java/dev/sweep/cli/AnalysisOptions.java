package dev.sweep.cli;

import dev.sweep.core.Instrument;
import dev.sweep.report.Conversions;
import dev.sweep.report.Symbols;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the one-shot analyses ({@code sweep curve}, {@code sweep depth}): which books, and how to print. */
final class AnalysisOptions {

    @Option(names = "--symbol", paramLabel = "BASE-QUOTE", defaultValue = "BTC-USD",
            description = "Instrument (default: ${DEFAULT-VALUE}).")
    String symbol;

    @Option(names = "--venues", split = ",", paramLabel = "VENUE",
            description = "Venues (default: ${bundle:venues.list}; with --from: every venue in the file).")
    List<String> venues = new ArrayList<>();

    @Option(names = "--from", paramLabel = "FILE", description = "Use the books of a book file instead of live ones.")
    Path from;

    @Option(names = "--json", description = "Print one JSON document, the one the API answers.")
    boolean json;

    @Mixin
    FeedOptions feed;

    Instrument instrument() {
        return Symbols.instrument("--symbol", symbol);
    }

    /** The books to analyze, converted as {@code conversions} says; see {@link AnalysisViews}. */
    AnalysisViews views(Console console, Instrument instrument, Conversions conversions) throws InterruptedException {
        return AnalysisViews.of(console, feed, from, instrument, venues, conversions);
    }
}
