package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.venue.binance.BinanceVenue;
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

        assertThat(new VenuesCommand(console, List.of(new BinanceVenue())).call()).isEqualTo(ExitCode.OK);

        assertThat(out.toString()).isEqualTo("""
                binance
                  endpoint   wss://stream.binance.com:9443/ws
                  snapshots  https://api.binance.com (REST, where the WebSocket sends only changes)
                  symbols    BTC-USDT is BTCUSDT
                  quotes     USDT
                  taker fee  0.1% (lowest-volume tier)
                  book       5000 levels per side
                  integrity  update id ranges U..u joined to a REST snapshot of 5,000 levels a side: a gap breaks the \
                book; the book is truncated at the snapshot's last level
                """);
    }
}
