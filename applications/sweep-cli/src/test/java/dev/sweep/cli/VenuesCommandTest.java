package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.venue.testrange.TestRangeVenue;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VenuesCommandTest {

    @Test
    void listsEachVenuesEndpointSymbolFeeBookAndIntegrity() throws IOException {
        CliRun run = CliRun.of("venues");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(OrderCommandTest.resource("expected/venues.txt"));
    }

    @Test
    void aVenueWhoseSnapshotsComeOverRestShowsWhereTheyComeFrom() {
        StringWriter out = new StringWriter();
        Console console = Console.of(new PrintWriter(out), new PrintWriter(new StringWriter()), false, false, Map.of());

        assertThat(new VenuesCommand(console, List.of(new TestRangeVenue())).call()).isEqualTo(ExitCode.OK);

        assertThat(out.toString()).isEqualTo("""
                testrange
                  endpoint   wss://stream.testrange.invalid/ws
                  snapshots  https://api.testrange.invalid (REST, where the WebSocket sends only changes)
                  symbols    BTC-USD is BTCUSD
                  quotes     USD
                  taker fee  0.1% (lowest-volume tier)
                  book       the full book
                  integrity  each update's id range must start right after the last one applied
                """);
    }
}
