package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class VenuesCommandTest {

    @Test
    void listsEachVenuesEndpointSymbolFeeBookAndIntegrity() throws IOException {
        CliRun run = CliRun.of("venues");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(OrderCommandTest.resource("expected/venues.txt"));
    }
}
