package dev.sweep.cli;

import static dev.sweep.cli.OrderCommandTest.EXAMPLE;
import static dev.sweep.cli.OrderCommandTest.file;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A book whose venue's feed carries nothing to check it against (integrity family NONE) is shown as unverified in
 * every output, never as equal to a verified one. The repository's example file has Gemini's book, unverified.
 */
@Timeout(60)
class UnverifiedBooksTest {

    private static final String LEGEND = "* unverified: the feed has no sequence numbers or checksum to prove the"
            + " book whole\n";

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path logs;

    @Test
    void theJsonSaysOfEachVenueAndOfTheMergedBookWhetherItIsVerified() throws IOException {
        JsonNode all = mapper.readTree(CliRun.of("sell", "3", "--from", EXAMPLE, "--json").out());
        JsonNode verifiedOnly = mapper.readTree(CliRun.of("sell", "3", "--from", EXAMPLE, "--venues",
                "kraken,coinbase", "--json").out());

        assertThat(all.get("venues")).extracting(venue -> venue.get("venue").asText() + " "
                + venue.get("verified").asBoolean()).containsExactly("kraken true", "coinbase true", "gemini false");
        assertThat(all.get("merged").get("verified").asBoolean()).isFalse();
        assertThat(verifiedOnly.get("merged").get("verified").asBoolean()).isTrue();
    }

    @Test
    void theReportMarksAnUnverifiedVenueTheMergedBookThatIncludesItAndSaysWhyOnce() {
        String report = CliRun.of("sell", "3", "--from", EXAMPLE, "--fee", "none").out();

        assertThat(report).startsWith("SELL 3 BTC-USD · merged VWAP 67,050.5380 USD (67,050.5380 after fees) · 0.03"
                + " bps vs best\nbest alone: coinbase 67,050.5380 after fees\n" + LEGEND + "\nkraken  taker fee 0%\n")
                .contains("\n\ncoinbase  taker fee 0%\n")
                .contains("\n\ngemini*  taker fee 0%\n")
                .contains("\n\nmerged book  3 venues · includes 1 unverified book\n")
                .contains("\n   ├─ coinbase  3.00000000 BTC  100.00%  201,151.61 USD\n"
                        + "   └─ gemini*   none: the levels taken elsewhere were as good or better after fees\n");
        assertThat(report.split("unverified", -1)).hasSize(3);
    }

    @Test
    void aReportOfVerifiedBooksHasNoMarkerAndNoLegend() {
        String report = CliRun.of("sell", "3", "--from", EXAMPLE, "--venues", "kraken,coinbase").out();

        assertThat(report).doesNotContain("*").doesNotContain("unverified");
    }

    @Test
    void aSingleUnverifiedVenueIsMarkedInTheHeadline() {
        String report = CliRun.of("sell", "3", "--from", EXAMPLE, "--venues", "gemini", "--fee", "none").out();

        assertThat(report).startsWith("SELL 3 BTC-USD on gemini* · VWAP 67,048.2060 USD (67,048.2060 after fees)"
                + " · 0.02 bps vs best\n" + LEGEND + "\ngemini*  taker fee 0%\n");
    }

    @Test
    void theCsvSaysOfEachRowWhetherItsBooksAreVerified() throws IOException {
        List<Map<String, String>> rows = CsvOutput.read(CliRun.of("sell", "3", "--from", EXAMPLE, "--csv").out());

        assertThat(rows).extracting(row -> row.get("venue") + " " + row.get("verified"))
                .containsExactly("kraken true", "coinbase true", "gemini false", "merged false");
    }

    @Test
    void aBookFileVenueTheRegistryDoesNotKnowIsUnverified() throws IOException {
        JsonNode json = mapper.readTree(CliRun.of("sell", "3", "--from", file("books/kind-names.json"), "--json")
                .out());

        assertThat(json.get("venues")).extracting(venue -> venue.get("venue").asText() + " "
                + venue.get("verified").asBoolean()).containsExactly("kraken true", "best false");
    }

    @Test
    void overTheSimulatorEachVenuesBookIsMarkedByItsIntegrityFamily() throws IOException {
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults())) {
            simulator.pause();
            JsonNode sweep = mapper.readTree(CliRun.of(against(simulator, "sell", "1", "--json")).out());
            // The venues of a BTC-USD sweep: those quoting in USD.
            List<Venue> listing = Venues.all().stream().filter(venue -> venue.quoteCurrencies().contains("USD"))
                    .toList();
            for (Venue venue : listing) {
                boolean verified = venue.descriptor().integrity().isVerified();
                String book = CliRun.of(against(simulator, "book", venue.name(), "BTC-USD")).out();

                assertThat(book).as(venue.name()).startsWith(venue.name() + (verified ? "" : "*") + " BTC-USD · LIVE");
                assertThat(book.contains(LEGEND)).as(venue.name()).isEqualTo(!verified);
                JsonNode report = sweep.get("venues").get(listing.indexOf(venue));
                assertThat(report.get("venue").asText()).isEqualTo(venue.name());
                assertThat(report.get("verified").asBoolean()).as(venue.name()).isEqualTo(verified);
            }
        }
    }

    @Test
    void theVenuesListMarksTheVenuesWhoseBooksAreUnverified() {
        String venues = CliRun.of("venues").out();
        List<String> names = venues.lines().filter(line -> !line.isEmpty() && !line.startsWith(" ")).toList();

        List<String> expected = new ArrayList<>();
        for (Venue venue : Venues.all()) {
            expected.add(venue.name() + (venue.descriptor().integrity().isVerified() ? "" : "*"));
        }
        expected.add(LEGEND.strip());
        assertThat(names).isEqualTo(expected);
        assertThat(venues).endsWith("\n\n" + LEGEND);
    }

    /** The command against the simulator, every registered venue pointed at it. */
    private String[] against(Simulator simulator, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--log-dir", logs.toString()));
        for (Venue venue : Venues.all()) {
            args.add("--endpoint");
            args.add(venue.name() + "=" + simulator.endpoint(venue.name()));
        }
        return args.toArray(String[]::new);
    }
}
