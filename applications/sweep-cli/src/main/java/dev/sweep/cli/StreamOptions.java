package dev.sweep.cli;

import dev.sweep.core.Instrument;
import dev.sweep.report.Durations;
import dev.sweep.report.Symbols;
import dev.sweep.venue.Venue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of the commands that run the venues' feeds for a while and pass every frame on ({@code sweep record},
 * {@code sweep publish}): which venues and instruments, and for how long.
 */
final class StreamOptions {

    @Option(names = "--venues", split = ",", paramLabel = "VENUE",
            description = "Venues (default: ${bundle:venues.list}).")
    List<String> venues = new ArrayList<>();

    @Option(names = "--symbols", split = ",", paramLabel = "SYMBOL", defaultValue = "BTC-USD",
            description = "Instruments (default: ${DEFAULT-VALUE}).")
    List<String> symbols;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Stop after this long (default: record 60s, publish at Ctrl-C).")
    String duration;

    List<Instrument> instruments() {
        return Symbols.instruments("--symbols", symbols);
    }

    List<Venue> venues(List<Instrument> instruments) {
        return VenueSelection.of("--venues", venues, instruments);
    }

    /** {@code --duration}, or the command's own length when it is not given. */
    Duration duration(Duration otherwise) {
        return duration == null ? otherwise : Durations.parse("--duration", duration);
    }

    /** {@code --duration} as given, or the command's own length's words. */
    String durationText(String otherwise) {
        return duration == null ? otherwise : duration;
    }
}
