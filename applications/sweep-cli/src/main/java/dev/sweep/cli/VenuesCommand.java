package dev.sweep.cli;

import dev.sweep.report.render.Unverified;
import dev.sweep.core.Instrument;
import dev.sweep.core.TakerFee;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sweep venues}: what Sweep knows about each venue, read from the venues themselves. */
@Command(name = "venues", mixinStandardHelpOptions = true,
        description = "List the venues: default endpoint (and where its snapshots come from, for a venue whose"
                + " WebSocket sends none), how each spells an instrument, default taker fee, the book it keeps and the"
                + " integrity checks its feed allows.",
        footer = {"", "--endpoint VENUE=URL, --rest-endpoint VENUE=URL and --fee VENUE=RATE change the endpoints and"
                + " the fee of one run."})
final class VenuesCommand implements Callable<Integer> {

    /** The instrument each venue's symbol is shown for, in the venue's own quote currency. */
    private static final Instrument EXAMPLE = Instrument.of("BTC-USD");

    private final Console console;
    private final List<Venue> venues;

    VenuesCommand(Console console) {
        this(console, Venues.all());
    }

    /** Lists these venues rather than the registered ones. */
    VenuesCommand(Console console, List<Venue> venues) {
        this.console = console;
        this.venues = venues;
    }

    @Override
    public Integer call() {
        PrintWriter out = console.out();
        for (Venue venue : venues) {
            if (venue != venues.get(0)) {
                out.println();
            }
            out.println(Unverified.name(venue.name(), venue.descriptor().integrity().isVerified()));
            out.println("  endpoint   " + venue.defaultEndpoint());
            venue.descriptor().rest().ifPresent(rest -> out.println("  snapshots  " + rest
                    + " (REST, where the WebSocket sends only changes)"));
            Set<String> quotes = new TreeSet<>(venue.quoteCurrencies());
            Instrument example = Instrument.of(EXAMPLE.base() + "-" + quotes.iterator().next());
            out.println("  symbols    " + example + " is " + venue.symbol(example));
            out.println("  quotes     " + String.join(", ", quotes));
            out.println("  taker fee  " + TakerFee.toPercent(venue.defaultTakerFee()) + " (lowest-volume tier)");
            out.println("  book       " + (venue.bookDepth() == 0 ? "the full book"
                    : venue.bookDepth() + " levels per side"));
            out.println("  integrity  " + venue.integrity());
        }
        if (venues.stream().anyMatch(venue -> !venue.descriptor().integrity().isVerified())) {
            out.println();
            out.println(Unverified.LEGEND);
        }
        out.flush();
        return ExitCode.OK;
    }
}
