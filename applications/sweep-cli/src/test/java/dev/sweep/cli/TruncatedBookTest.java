package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep that runs off the end of a truncated book says so: Bybit sends its best 200 levels and OKX its best 400
 * (the simulator's books are deeper), so a sell larger than their bids takes every level they sent while the venue has
 * more; Kraken's 1,000-level subscription holds the simulator's whole book, which is not truncated.
 */
class TruncatedBookTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void eachVenueAndTheMergedBookSayWhichBooksTheSweepRanOffTheEndOf() throws IOException {
        JsonNode json = mapper.readTree(CliRun.of("sell", "1000000", "--demo", "--symbol", "BTC-USDT", "--venues",
                "kraken,bybit,okx", "--json", "--log-dir", folder.toString()).out());

        assertThat(json.get("venues")).extracting(venue -> venue.get("venue").asText() + " "
                + venue.get("complete").asBoolean() + " " + venue.get("truncated").asBoolean() + " "
                + venue.get("truncatedAt"))
                .containsExactly("kraken false false null", "bybit false true 200", "okx false true 400");
        assertThat(json.get("merged").get("truncated").toString()).isEqualTo("[\"bybit\",\"okx\"]");
    }

    @Test
    void theCsvRowsSayItToo() throws IOException {
        List<Map<String, String>> rows = CsvOutput.read(CliRun.of("sell", "1000000", "--demo", "--symbol", "BTC-USDT",
                "--venues", "kraken,bybit,okx", "--csv", "--log-dir", folder.toString()).out());

        assertThat(rows).extracting(row -> row.get("venue") + " " + row.get("truncated") + " "
                + row.get("truncatedAt"))
                .containsExactly("kraken false ", "bybit true 200", "okx true 400", "merged true ");
    }

    @Test
    void aSweepWithinTheTruncatedBooksDepthIsNotMarked() throws IOException {
        JsonNode json = mapper.readTree(CliRun.of("sell", "0.01", "--demo", "--symbol", "BTC-USDT", "--venues",
                "bybit", "--json", "--log-dir", folder.toString()).out());

        assertThat(json.get("venues").get(0).get("truncated").asBoolean()).isFalse();
        assertThat(json.get("venues").get(0).get("truncatedAt").isNull()).isTrue();
        assertThat(json.get("merged").get("truncated").size()).isZero();
    }

    @Test
    void theTextReportMarksTheVenueAndTheSummary() {
        String report = CliRun.of("sell", "1000000", "--demo", "--symbol", "BTC-USDT", "--venues", "bybit",
                "--log-dir", folder.toString()).out().replaceAll("\\s+", " "); // as read, whatever the wrapping

        assertThat(report).contains("TRUNCATED: bybit taken to the end of its book, truncated at 200 levels: the"
                + " venue has more, unseen");
        assertThat(report).contains("LIVE · ").contains("ms old · truncated at 200 levels: the venue has more, unseen");
    }

    /** A book file names the sides that are only the venue's best: swept from the file, they say so as live. */
    @Test
    void aBookFilesTruncatedSideIsSweptAsTruncated() throws IOException {
        JsonNode json = mapper.readTree(CliRun.of("sell", "10", "--from", OrderCommandTest.file("books/depth-cut.json"),
                "--json").out());

        assertThat(json.get("venues")).extracting(venue -> venue.get("venue").asText() + " "
                + venue.get("truncated").asBoolean() + " " + venue.get("truncatedAt"))
                .containsExactly("kraken true 3", "coinbase false null");
        assertThat(json.get("merged").get("truncated").toString()).isEqualTo("[\"kraken\"]");
    }
}
