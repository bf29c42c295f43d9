package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.server.FileBooks;
import dev.sweep.server.ServerConfig;
import dev.sweep.server.SweepServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep curve} and {@code sweep depth}: tables for people, and the API's documents with {@code --json}. */
class CurveDepthCommandTest {

    private static final String SMALL = OrderCommandTest.SMALL;

    @Test
    void curveListsEachSizesVwapAndSlippageOrWhatTheBookCouldNotFill() {
        CliRun run = CliRun.of("curve", "sell", "--sizes", "3,10", "--from", SMALL, "--fee", "none");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEqualTo("""
                SELL BTC-USD · VWAP and slippage at each size (bps, positive = cost)

                kraken  taker fee 0%
                  size BTC       VWAP   vs best   vs mid
                  3           100.167     33.17    57.90
                  10       too thin: 4 BTC short

                coinbase  taker fee 0%
                  size BTC        VWAP   vs best   vs mid
                  3           100.2333     16.60    41.40
                  10       too thin: 5.5 BTC short

                merged book  2 venues
                  size BTC        VWAP   vs best   vs mid
                  3           100.3333     16.58    36.41
                  10          100.0250     47.26    67.03

                """);
    }

    @Test
    void depthListsEachBandsSizeAndNotionalOnBothSides() {
        CliRun run = CliRun.of("depth", "--bands", "0.5", "--from", SMALL, "--venues", "kraken");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEqualTo("""
                BTC-USD · depth within ±X % of the mid

                kraken  mid 100.75
                  band     bids BTC   bids USD   asks BTC   asks USD
                  ±0.5%           1     100.50        1.5     151.50

                """);
    }

    /**
     * Kraken's bids in this file are only its best three: a size they cannot fill is short of what was seen, not of
     * the venue, and the curve says so where a book without more levels is simply too thin; the merged book, which
     * took Kraken's bids to their end, says it too.
     */
    @Test
    void aCurveThatRunsOffATruncatedBookSaysSo() throws IOException {
        String cut = OrderCommandTest.file("books/depth-cut.json");
        CliRun run = CliRun.of("curve", "sell", "--sizes", "10,20", "--from", cut, "--fee", "none");
        JsonNode json = new ObjectMapper().readTree(CliRun.of("curve", "sell", "--sizes", "10,20", "--from", cut,
                "--json").out());

        assertThat(run.out()).isEqualTo("""
                SELL BTC-USD · VWAP and slippage at each size (bps, positive = cost)

                kraken  taker fee 0%
                  size BTC    VWAP   vs best   vs mid
                  10       truncated book: 4 BTC short of the levels seen; the venue has more, unseen
                  20       truncated book: 14 BTC short of the levels seen; the venue has more, unseen

                coinbase  taker fee 0%
                  size BTC    VWAP   vs best   vs mid
                  10       too thin: 5.5 BTC short
                  20       too thin: 15.5 BTC short

                merged book  2 venues
                  size BTC        VWAP   vs best   vs mid
                  10          100.0250     47.26    67.03
                  20       truncated book: 9.5 BTC short of the levels seen; a truncated venue has more, unseen

                """);
        assertThat(json.get("venues")).extracting(venue -> venue.get("venue").asText() + " "
                + venue.get("points").findValuesAsText("truncated"))
                .containsExactly("kraken [true, true]", "coinbase [false, false]");
        assertThat(json.get("merged").get("points").findValuesAsText("truncated")).containsExactly("false", "true");
    }

    /** A band wider than a truncated side reaches the end of what was seen: its amounts are at least those. */
    @Test
    void depthMarksTheBandsATruncatedBookEndsIn() throws IOException {
        String cut = OrderCommandTest.file("books/depth-cut.json");
        CliRun run = CliRun.of("depth", "--bands", "0.5,2", "--from", cut, "--venues", "kraken");
        JsonNode json = new ObjectMapper().readTree(CliRun.of("depth", "--bands", "0.5,2", "--from", cut, "--json")
                .out());

        assertThat(run.out()).isEqualTo("""
                BTC-USD · depth within ±X % of the mid

                kraken  mid 100.75
                  band     bids BTC   bids USD   asks BTC   asks USD
                  ±0.5%           1     100.50        1.5     151.50
                  ±2%           ≥ 6   ≥ 599.00        3.5     354.50
                ≥ a truncated book ends inside the band: the venue has more there, unseen

                """);
        assertThat(json.get("venues").get(0).get("bands")).extracting(band -> band.get("pct").asText() + " "
                + band.get("bids").get("truncated").asBoolean() + " " + band.get("asks").get("truncated").asBoolean())
                .containsExactly("0.5 false false", "2 true false");
        assertThat(json.get("merged").get("bands").get(1).get("bids").get("truncated").asBoolean()).isTrue();
    }

    @Test
    void withJsonTheyPrintWhatTheApiAnswersForTheSameBooks() throws IOException, InterruptedException {
        try (SweepServer server = SweepServer.start(ServerConfig.on(ServerConfig.LOOPBACK, 0),
                FileBooks.read(Path.of(SMALL), List.of(), List.of()))) {
            assertThat(CliRun.of("curve", "buy", "--sizes", "1,2.5", "--from", SMALL, "--json").out())
                    .isEqualTo(get(server.uri(), "/api/v1/curve?side=buy&sizes=1,2.5"));
            assertThat(CliRun.of("depth", "--bands", "0.2,1", "--from", SMALL, "--json").out())
                    .isEqualTo(get(server.uri(), "/api/v1/depth?bands=0.2,1"));
        }
    }

    @Test
    void badSizesAndBandsAreOneLineNamingTheOption() {
        assertThat(CliRun.of("curve", "sell", "--sizes", "1,-2", "--from", SMALL).err())
                .isEqualTo("sweep: --sizes '-2' is not valid: must be a positive number\n");
        assertThat(CliRun.of("curve", "hold", "--from", SMALL).err())
                .isEqualTo("sweep: the side must be sell or buy, not 'hold'\n");
        assertThat(CliRun.of("depth", "--bands", "100", "--from", SMALL).err())
                .isEqualTo("sweep: --bands are percentages of the mid below 100, not 100\n");
    }

    private static String get(URI base, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A curve on the simulator takes the USDT venues' books converted at the live USDT-USD bid, as a sell does. */
    @Test
    void aCurveOnTheSimulatorConvertsTheUsdtVenuesAndNamesTheirRate(@TempDir Path logs) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode json = mapper.readTree(CliRun.of("curve", "sell", "--sizes", "1", "--demo", "--json", "--log-dir",
                logs.toString()).out());
        String text = CliRun.of("curve", "sell", "--sizes", "1", "--demo", "--log-dir", logs.toString()).out();
        JsonNode unconverted = mapper.readTree(CliRun.of("curve", "sell", "--sizes", "1", "--demo", "--no-convert",
                "--json", "--log-dir", logs.toString()).out());

        assertThat(json.get("venues")).extracting(venue -> venue.get("venue").asText() + " "
                + venue.get("quote").asText() + " " + (venue.get("rate").isNull() ? "-"
                : venue.get("rate").get("pair").asText() + " from " + venue.get("rate").get("source").asText()
                .replaceAll("kraken|coinbase", "a USD venue")))
                .containsExactly("kraken USD -", "coinbase USD -", "gemini USD -",
                        "binance USDT USDT-USD from a USD venue", "bybit USDT USDT-USD from a USD venue",
                        "okx USDT USDT-USD from a USD venue");
        assertThat(text).containsPattern("\nokx  taker fee 0.1% · USDT book converted at 1 USDT = [0-9.]+ USD, the"
                + " USDT-USD bid on (kraken|coinbase)\n");
        assertThat(unconverted.get("venues")).extracting(venue -> venue.get("venue").asText() + " "
                + venue.get("quote").asText()).containsExactly("kraken USD", "coinbase USD", "gemini USD");
    }

    /** Depth on the simulator takes the USDT venues' bids at the live USDT-USD bid and their asks at its ask. */
    @Test
    void depthOnTheSimulatorConvertsTheUsdtVenuesEachSideAtItsRate(@TempDir Path logs) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode json = mapper.readTree(CliRun.of("depth", "--demo", "--json", "--log-dir", logs.toString()).out());
        String text = CliRun.of("depth", "--demo", "--log-dir", logs.toString()).out();
        JsonNode unconverted = mapper.readTree(CliRun.of("depth", "--demo", "--no-convert", "--json", "--log-dir",
                logs.toString()).out());

        assertThat(json.get("venues")).extracting(venue -> venue.get("venue").asText() + " "
                + venue.get("quote").asText() + " " + (venue.get("rates").isNull() ? "-"
                : venue.get("rates").get("bids").get("pair").asText() + " "
                + venue.get("rates").get("asks").get("pair").asText()))
                .containsExactly("kraken USD -", "coinbase USD -", "gemini USD -", "binance USDT USDT-USD USDT-USD",
                        "bybit USDT USDT-USD USDT-USD", "okx USDT USDT-USD USDT-USD");
        assertThat(text).containsPattern("\\nokx · USDT book converted: bids at 1 USDT = [0-9.]+ USD \\(bid on"
                + " (kraken|coinbase)\\), asks at 1 USDT = [0-9.]+ USD \\(ask on (kraken|coinbase)\\)  mid ");
        assertThat(unconverted.get("venues")).extracting(venue -> venue.get("venue").asText())
                .containsExactly("kraken", "coinbase", "gemini");
    }
}
