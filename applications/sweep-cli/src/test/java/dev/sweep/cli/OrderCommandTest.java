package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OrderCommandTest {

    static final String SMALL = file("books/small.json");
    /** Three venues' BTC-USD books at real prices, from the repository's examples. */
    static final String EXAMPLE = java.nio.file.Path.of("..", "..", "examples", "books.json").toString();

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void printsTheHumanReportWithoutColors() throws IOException {
        CliRun run = CliRun.of("sell", "3", "--from", SMALL, "--fee", "none");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEqualTo(resource("expected/sell-3-no-fees.txt"));
    }

    @Test
    void theReadmeShowsTheReportThisCommandPrints() throws IOException {
        String command = "$ ./sweep sell 3 --from applications/sweep-cli/src/test/resources/books/small.json"
                + " --fee none\n";
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "..", "README.md"));
        int start = readme.indexOf(command) + command.length();

        assertThat(readme.substring(start, readme.indexOf("```", start)))
                .isEqualTo(resource("expected/sell-3-no-fees.txt"));
    }

    @Test
    void printsFeesAndAThinBook() throws IOException {
        CliRun run = CliRun.of("buy", "5", "--from", SMALL, "--fee", "kraken=0.26%", "--fee", "coinbase=60bps");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEqualTo(resource("expected/buy-5-fees.txt"));
    }

    @Test
    void moneyIsRoundedToCentsAndPricesToTheVenuesPrecisionWhileTheJsonStaysExact() throws IOException {
        String[] args = {"sell", "15", "--from", EXAMPLE, "--venues", "kraken", "--fee", "none"};
        CliRun run = CliRun.of(args);

        JsonNode kraken = mapper.readTree(CliRun.of(json(args)).out()).get("venues").get(0);
        assertThat(kraken.get("notional").asText()).isEqualTo("1005472.051659451");
        assertThat(kraken.get("worst").asText()).isEqualTo("67017.9");
        assertThat(run.out()).contains("\n├─ best → worst  67,048.1 → 67,017.9\n")
                .contains("\n└─ notional      1,005,472.05 USD  fees 0.00 USD\n");
    }

    @Test
    void bestAloneAndTheMergedVwapShowTheSamePrecision() {
        // Kraken quotes one decimal, the others two: every VWAP of the report shows four.
        CliRun run = CliRun.of("sell", "3", "--from", EXAMPLE, "--fee", "kraken=0%", "--fee", "coinbase=1%",
                "--fee", "gemini=1%");

        assertThat(run.out()).startsWith("SELL 3 BTC-USD · merged VWAP 67,043.6072 USD (67,043.6072 after fees)"
                + " · 0.67 bps vs best\nbest alone: kraken 67,043.6072 after fees\n");
    }

    @Test
    void aVenueNamedLikeAKindOfReportIsReportedAsAnOrdinaryVenue() {
        // The small file's books, Coinbase's renamed "best" (a venue Sweep does not know, so unverified): the kind of
        // each report is its type, not its name.
        CliRun run = CliRun.of("sell", "3", "--from", file("books/kind-names.json"), "--fee", "none");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("SELL 3 BTC-USD · merged VWAP 100.3333 USD (100.3333 after fees) · 16.58 bps"
                + " vs best\nbest alone: best* 100.2333 after fees\n")
                .contains("\n\nbest*  taker fee 0%\n├─ filled        3.0 / 3.0 BTC  complete\n")
                .contains("\n\nmerged book  2 venues · includes 1 unverified book\n")
                .contains("\n   └─ best*   2.0 BTC   66.67%  200.50 USD\n")
                .endsWith("\nbest    (100.40, 0.5) (100.20, 2.5)\n"
                        + "merged  (100.5, 1.0, kraken) (100.40, 0.5, best) (100.20, 1.5, best)\n");
    }

    @Test
    void aSingleVenueIsReportedOnceWithoutAMergedBook() throws IOException {
        CliRun run = CliRun.of("sell", "3", "--from", SMALL, "--venues", "kraken", "--fee", "none");

        assertThat(run.out()).isEqualTo(resource("expected/sell-3-kraken.txt"));
    }

    @Test
    void theSplitSaysWhyAVenueGotNothing() {
        // Kraken's best bid, 100.5 for 1 BTC, fills the whole order.
        CliRun run = CliRun.of("sell", "1", "--from", SMALL, "--fee", "none");

        assertThat(run.out()).contains("\n└─ split\n   ├─ kraken    1.0 BTC  100.00%  100.50 USD\n"
                + "   └─ coinbase  none: the levels taken elsewhere were as good or better after fees\n");
    }

    @Test
    void theReportFitsTheColumnsTheEnvironmentGives() {
        CliRun narrow = CliRun.in(java.util.Map.of("COLUMNS", "64"), "sell", "15", "--from", EXAMPLE, "--fills");
        CliRun wide = CliRun.in(java.util.Map.of("COLUMNS", "200"), "sell", "15", "--from", EXAMPLE, "--fills");

        assertThat(narrow.out().lines().mapToInt(String::length).max().orElse(0)).isBetween(56, 64);
        assertThat(wide.out().lines().mapToInt(String::length).max().orElse(0)).isBetween(150, 200);
        // Every fill of the four lists (18 + 17 + 22 + 20), however the lines break.
        java.util.regex.Pattern fill = java.util.regex.Pattern.compile("\\(67,0[\\d.]+, [\\d.]+");
        assertThat(fill.matcher(narrow.out()).results().count()).isEqualTo(77);
        assertThat(fill.matcher(wide.out()).results().count()).isEqualTo(77);
    }

    @Test
    void jsonCarriesEveryFieldAsExactDecimalStrings() throws IOException {
        CliRun run = CliRun.of("sell", "3", "--from", SMALL, "--fee", "none", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).endsWith("}\n").doesNotContain("E+").doesNotContain("E-");
        JsonNode json = mapper.readTree(run.out());
        assertThat(json.get("side").asText()).isEqualTo("sell");
        assertThat(json.get("symbol").asText()).isEqualTo("BTC-USD");
        assertThat(json.get("requested").asText()).isEqualTo("3");
        assertThat(json.get("unit").asText()).isEqualTo("BTC");

        JsonNode kraken = json.get("venues").get(0);
        assertThat(kraken.get("venue").asText()).isEqualTo("kraken");
        assertThat(kraken.get("filled").isTextual()).isTrue();
        assertThat(kraken.get("filled").asText()).isEqualTo("3");
        assertThat(kraken.get("complete").asBoolean()).isTrue();
        assertThat(kraken.get("levels").asInt()).isEqualTo(2);
        assertThat(kraken.get("vwap").asText()).isEqualTo("100.167");
        assertThat(kraken.get("best").asText()).isEqualTo("100.5");
        assertThat(kraken.get("worst").asText()).isEqualTo("100");
        assertThat(kraken.get("notional").asText()).isEqualTo("300.5");
        assertThat(kraken.get("slippageBps").get("vsBest").asText()).isEqualTo("33.17");
        assertThat(kraken.get("slippageBps").get("vsMid").asText()).isEqualTo("57.90");
        assertThat(kraken.get("fills").toString()).isEqualTo("[[\"100.5\",\"1\"],[\"100\",\"2\"]]");

        JsonNode merged = json.get("merged");
        assertThat(merged.get("filled").asText()).isEqualTo("3");
        assertThat(merged.get("complete").asBoolean()).isTrue();
        assertThat(merged.get("levels").asInt()).isEqualTo(3);
        assertThat(merged.get("vwap").asText()).isEqualTo("100.3333");
        assertThat(merged.get("notional").asText()).isEqualTo("301");
        assertThat(merged.get("fills").toString()).isEqualTo(
                "[[\"100.5\",\"1\",\"kraken\"],[\"100.4\",\"0.5\",\"coinbase\"],[\"100.2\",\"1.5\",\"coinbase\"]]");
        assertThat(merged.get("split").get(0).get("venue").asText()).isEqualTo("kraken");
        assertThat(merged.get("split").get(0).get("filled").asText()).isEqualTo("1");
        assertThat(merged.get("split").get(0).get("notional").asText()).isEqualTo("100.5");
        assertThat(merged.get("split").get(0).get("share").asText()).isEqualTo("0.333333");
        assertThat(merged.get("split").get(1).get("share").asText()).isEqualTo("0.666667");
    }

    @Test
    void oneFeeForEveryVenueAVenuesOwnFeeWinsAndJsonPrintsPercent() throws IOException {
        CliRun run = CliRun.of("sell", "3", "--from", SMALL, "--fee", "coinbase=26bps", "--fee", "0.1%", "--json");

        JsonNode json = mapper.readTree(run.out());
        assertThat(json.get("venues").get(0).get("venue").asText()).isEqualTo("kraken");
        assertThat(json.get("venues").get(0).get("takerFeePct").asText()).isEqualTo("0.1");
        assertThat(json.get("venues").get(1).get("takerFeePct").asText()).isEqualTo("0.26");
        assertThat(json.get("venues").get(1).get("fees").asText()).isEqualTo("0.78182");
        assertThat(json.get("merged").get("split").get(0).get("takerFeePct").asText()).isEqualTo("0.1");
        assertThat(json.get("merged").get("split").get(1).get("takerFeePct").asText()).isEqualTo("0.26");
    }

    @Test
    void aQuoteAmountBuysWholeSizeUnitsOnly() throws IOException {
        CliRun run = CliRun.of("buy", "--quote", "200", "--from", SMALL, "--venues", "kraken", "--fee", "none",
                "--json");

        JsonNode kraken = mapper.readTree(run.out()).get("venues").get(0);
        // 1.5 @ 101.0 costs 151.5; the remaining 48.5 buys 48.5 / 101.5 = 0.4778325123152... BTC, floored.
        assertThat(kraken.get("filled").asText()).isEqualTo("1.9778325123");
        assertThat(kraken.get("complete").asBoolean()).isTrue();
        assertThat(mapper.readTree(run.out()).get("unit").asText()).isEqualTo("USD");
    }

    @Test
    void aQuoteAmountTheBookCannotTakeIsReportedWithWhatWasSpentAndTheShortfall() throws IOException {
        String[] args = {"buy", "--quote", "1000", "--from", SMALL, "--venues", "kraken"};
        CliRun run = CliRun.of(args);

        // Kraken's 3.5 BTC of asks cost 354.5 USD, 355.918 with its default fee of 0.4%.
        assertThat(run.out()).contains("\n├─ spent         355.92 / 1,000.00 USD  INCOMPLETE: the book is too thin,"
                + " 644.08 USD short\n├─ filled        3.5 BTC\n").doesNotContain("3.5 / 3.5");
        JsonNode kraken = mapper.readTree(CliRun.of(json(args)).out()).get("venues").get(0);
        assertThat(kraken.get("filled").asText()).isEqualTo("3.5");
        assertThat(kraken.get("complete").asBoolean()).isFalse();
        assertThat(kraken.get("notionalWithFees").asText()).isEqualTo("355.918");
        assertThat(kraken.get("quoteShortfall").asText()).isEqualTo("644.082");
    }

    @Test
    void aQuoteAmountTooSmallForTheSmallestSizeIsReportedAsSuch() throws IOException {
        String[] args = {"buy", "--quote", "0.00000001", "--from", SMALL, "--fee", "none"};
        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("BUY 0.00000001 USD of BTC-USD\nnothing to fill: 0.00000001 USD buys less"
                + " than the smallest size, 0.0000000001 BTC\n").doesNotContain("no asks")
                .contains("\n├─ spent         0.00000000 / 0.00000001 USD\n");
        JsonNode merged = mapper.readTree(CliRun.of(json(args)).out()).get("merged");
        assertThat(merged.get("filled").asText()).isEqualTo("0");
        assertThat(merged.get("notionalWithFees").asText()).isEqualTo("0");
        assertThat(merged.get("quoteShortfall").asText()).isEqualTo("0.00000001");
    }

    @Test
    void aBaseQuantityHasNoQuoteShortfall() throws IOException {
        JsonNode merged = mapper.readTree(CliRun.of("buy", "5", "--from", SMALL, "--fee", "kraken=0.26%", "--fee",
                "coinbase=0.6%", "--json")
                .out()).get("merged");

        // 506.4 USD of asks and 1.8331 USD of fees (the report printsFeesAndAThinBook shows).
        assertThat(merged.get("notionalWithFees").asText()).isEqualTo("508.2331");
        assertThat(merged.get("quoteShortfall").isNull()).isTrue();
    }

    @Test
    void selectsVenuesAndSymbol() throws IOException {
        CliRun run = CliRun.of("buy", "1", "--from", SMALL, "--symbol", "eth-usd", "--json");

        JsonNode json = mapper.readTree(run.out());
        assertThat(json.get("symbol").asText()).isEqualTo("ETH-USD");
        assertThat(json.get("venues")).hasSize(1);
        assertThat(json.get("venues").get(0).get("takerFeePct").asText()).isEqualTo("0.4");
        assertThat(json.get("merged").get("vwap").asText()).isEqualTo("3000.2000");
    }

    @Test
    void anEmptySideIsAResultNotAnError() throws IOException {
        CliRun run = CliRun.of("sell", "1", "--from", file("books/no-bids.json"), "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        JsonNode venue = mapper.readTree(run.out()).get("venues").get(0);
        assertThat(venue.get("filled").asText()).isEqualTo("0");
        assertThat(venue.get("complete").asBoolean()).isFalse();
        assertThat(venue.get("vwap").isNull()).isTrue();
        assertThat(CliRun.of("sell", "1", "--from", file("books/no-bids.json")).out())
                .startsWith("SELL 1 BTC-USD on gemini* · nothing to fill: the book has no bids\n");
    }

    private static String[] json(String... args) {
        String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
        withJson[args.length] = "--json";
        return withJson;
    }

    static String file(String resource) {
        try {
            return Path.of(OrderCommandTest.class.getClassLoader().getResource(resource).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = OrderCommandTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
