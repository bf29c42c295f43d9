package dev.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A USD sweep takes a venue's USDT book converted at the best USDT-USD book's price of the side the conversion
 * trades, checked against an independent BigDecimal computation over a book file holding the books and the rate
 * books; without a rate the venue is left out with the reason, never swept at par unasked.
 */
class ConversionTest {

    private static final String KRAKEN_BTC_USD = """
            {"venue":"kraken","symbol":"BTC-USD","bids":[["67048.1","0.5"],["67047.9","1.2"],["67045.5","2.5"]],
             "asks":[["67048.2","0.7"],["67049.0","1.5"],["67052.3","3"]]}""";
    /** A USDT venue whose best levels beat kraken's only if converted at about par. */
    private static final String BINANCE_BTC_USDT = """
            {"venue":"binance","symbol":"BTC-USDT",
             "bids":[["67061.53","0.8"],["67060.12","2.1"],["67055.03","3.4"]],
             "asks":[["67061.54","0.9"],["67062.11","2.2"],["67066.67","4"]]}""";
    private static final String RATES = """
            {"venue":"kraken","symbol":"USDT-USD","bids":[["0.99981","44620.5"]],"asks":[["0.99983","38000"]]},
            {"venue":"coinbase","symbol":"USDT-USD","bids":[["0.99979","120000"]],"asks":[["0.99982","95000"]]}""";

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void aSellConvertsAtTheHighestRateBidAndEqualsTheIndependentComputation() throws IOException {
        JsonNode json = json(books(KRAKEN_BTC_USD, BINANCE_BTC_USDT, RATES), "sell", "4");

        JsonNode binance = json.get("venues").get(1);
        assertThat(binance.get("venue").asText()).isEqualTo("binance");
        assertThat(binance.get("quote").asText()).isEqualTo("USDT");
        assertThat(binance.get("rate").toString())
                .isEqualTo("{\"pair\":\"USDT-USD\",\"rate\":\"0.99981\",\"source\":\"kraken\",\"ageMs\":null}");
        assertConverted(binance, List.of("67061.53", "67060.12", "67055.03"), List.of("0.8", "2.1", "3.4"),
                "0.99981", RoundingMode.FLOOR, "4");
        assertThat(json.get("venues").get(0).get("quote").asText()).isEqualTo("USD");
        assertThat(json.get("venues").get(0).get("rate").isNull()).isTrue();
        assertThat(json.get("merged").get("conversions").toString()).isEqualTo("[{\"venue\":\"binance\","
                + "\"pair\":\"USDT-USD\",\"rate\":\"0.99981\",\"source\":\"kraken\",\"ageMs\":null}]");
    }

    @Test
    void aBuyConvertsAtTheLowestRateAskRoundingPricesUp() throws IOException {
        JsonNode json = json(books(KRAKEN_BTC_USD, BINANCE_BTC_USDT, RATES), "buy", "3.5");

        JsonNode binance = json.get("venues").get(1);
        assertThat(binance.get("rate").get("rate").asText()).isEqualTo("0.99982");
        assertThat(binance.get("rate").get("source").asText()).isEqualTo("coinbase");
        assertConverted(binance, List.of("67061.54", "67062.11", "67066.67"), List.of("0.9", "2.2", "4"), "0.99982",
                RoundingMode.CEILING, "3.5");
    }

    @Test
    void withoutARateBookTheUsdtVenueIsLeftOutWithTheReason() throws IOException {
        CliRun run = CliRun.of("sell", "1", "--from", books(KRAKEN_BTC_USD, BINANCE_BTC_USDT), "--json");

        JsonNode json = mapper.readTree(run.out());
        assertThat(json.get("venues")).extracting(venue -> venue.get("venue").asText()).containsExactly("kraken");
        assertThat(json.get("excluded").toString()).isEqualTo("[{\"venue\":\"binance\",\"state\":\"NO_RATE\","
                + "\"verified\":true,\"problem\":\"BTC-USDT book: no USDT-USD book to convert at: give a rate with"
                + " --convert USDT=USD@RATE\",\"quote\":\"USDT\"}]");
        assertThat(json.get("merged").get("conversions").size()).isZero();
    }

    @Test
    void noConvertSweepsOnlyTheBooksInTheSymbolsCurrency() throws IOException {
        JsonNode json = json(books(KRAKEN_BTC_USD, BINANCE_BTC_USDT, RATES), "sell", "1", "--no-convert");

        assertThat(json.get("venues")).extracting(venue -> venue.get("venue").asText()).containsExactly("kraken");
        assertThat(json.get("excluded").size()).isZero();
    }

    @Test
    void aStatedRateIsUsedAsGivenAndNamedStated() throws IOException {
        JsonNode json = json(books(KRAKEN_BTC_USD, BINANCE_BTC_USDT), "sell", "4", "--convert", "USDT=USD@1");

        JsonNode binance = json.get("venues").get(1);
        assertThat(binance.get("rate").toString())
                .isEqualTo("{\"pair\":\"USDT-USD\",\"rate\":\"1\",\"source\":\"stated\",\"ageMs\":null}");
        assertConverted(binance, List.of("67061.53", "67060.12", "67055.03"), List.of("0.8", "2.1", "3.4"), "1",
                RoundingMode.FLOOR, "4");
        assertThat(binance.get("nativeVwap").asText()).isEqualTo(binance.get("vwap").asText());
    }

    @Test
    void aUsdtSymbolSweepsTheUsdtBooksNativelyAndConvertsNoUsdBook() throws IOException {
        JsonNode json = json(books(KRAKEN_BTC_USD, BINANCE_BTC_USDT, RATES), "sell", "1", "--symbol", "BTC-USDT");

        assertThat(json.get("venues")).extracting(venue -> venue.get("venue").asText() + " "
                + venue.get("quote").asText() + " " + venue.get("rate").isNull()).containsExactly("binance USDT true");
        assertThat(json.get("venues").get(0).get("vwap").asText()).isEqualTo("67061.2480");
    }

    /**
     * A USDT sweep takes every venue listing USDT books natively (Kraken and Coinbase list BTC-USDT too) and leaves
     * Gemini, which quotes only in USD, out: USD books are converted into USDT only at a stated rate.
     */
    @Test
    void aUsdtSymbolOnTheSimulatorSweepsTheVenuesThatListUsdtBooks() throws IOException {
        CliRun run = CliRun.of("buy", "1", "--demo", "--symbol", "BTC-USDT", "--json", "--log-dir",
                folder.toString());

        JsonNode json = mapper.readTree(run.out());
        assertThat(json.get("venues")).extracting(venue -> venue.get("venue").asText() + " "
                + venue.get("quote").asText() + " " + venue.get("rate").isNull())
                .containsExactly("kraken USDT true", "coinbase USDT true", "binance USDT true", "bybit USDT true",
                        "okx USDT true");
        assertThat(json.get("merged").get("conversions").size()).isZero();
    }

    /** The done-when: the simulator's six venues, the three quoting in USDT converted at a live rate. */
    @Test
    void aUsdSweepOnTheSimulatorReportsSixVenuesThreeOfThemConverted() throws IOException {
        JsonNode json = mapper.readTree(CliRun.of("sell", "15", "--demo", "--json", "--log-dir",
                folder.toString()).out());

        assertThat(json.get("venues")).extracting(venue -> venue.get("venue").asText() + " "
                + venue.get("state").asText() + " " + venue.get("quote").asText() + " "
                + (venue.get("rate").isNull() ? "-" : venue.get("rate").get("pair").asText()))
                .containsExactly("kraken LIVE USD -", "coinbase LIVE USD -", "gemini LIVE USD -",
                        "binance LIVE USDT USDT-USD", "bybit LIVE USDT USDT-USD", "okx LIVE USDT USDT-USD");
        for (JsonNode venue : json.get("venues")) {
            if (!venue.get("rate").isNull()) {
                assertThat(venue.get("rate").get("source").asText()).isIn("kraken", "coinbase");
                assertThat(venue.get("rate").get("ageMs").isNumber()).isTrue();
                assertThat(venue.get("nativeVwap").asText()).isNotEmpty();
            }
        }
        assertThat(json.get("merged").get("conversions")).extracting(conversion -> conversion.get("venue").asText())
                .containsExactly("binance", "bybit", "okx");
        assertThat(json.get("merged").get("split")).extracting(share -> share.get("venue").asText())
                .contains("binance", "bybit", "okx");
    }

    @Test
    void noConvertOnTheSimulatorReportsTheThreeUsdVenues() throws IOException {
        JsonNode json = mapper.readTree(CliRun.of("sell", "15", "--demo", "--no-convert", "--json", "--log-dir",
                folder.toString()).out());

        assertThat(json.get("venues")).extracting(venue -> venue.get("venue").asText())
                .containsExactly("kraken", "coinbase", "gemini");
        assertThat(json.get("merged").get("conversions").size()).isZero();
    }

    @Test
    void theDemoReportAndCsvNameEachConvertedVenuesQuoteRateAndNativeVwap() throws IOException {
        String report = CliRun.of("sell", "15", "--demo", "--log-dir", folder.toString()).out();
        List<Map<String, String>> rows = CsvOutput.read(CliRun.of("sell", "15", "--demo", "--csv", "--log-dir",
                folder.toString()).out());

        for (String venue : List.of("binance", "bybit", "okx")) {
            assertThat(report).containsPattern("\n" + venue + "  taker fee 0.1% · LIVE · [0-9]+ ms old · USDT book"
                    + " converted to USD\n");
        }
        assertThat(report).containsPattern("\nconverted at 1 USDT = [0-9.]+ USD · the USDT-USD bid on (kraken"
                + "|coinbase)").contains("binance, bybit, okx\n");
        assertThat(report).contains("├─ native VWAP");
        assertThat(rows).extracting(row -> row.get("venue") + " " + row.get("quote") + " " + row.get("ratePair"))
                .containsExactly("kraken USD ", "coinbase USD ", "gemini USD ", "binance USDT USDT-USD",
                        "bybit USDT USDT-USD", "okx USDT USDT-USD", "merged  ");
    }

    @Test
    void theReportNamesTheRateItsSourceAndMarksTheConvertedVenueWithItsNativeVwap() throws IOException {
        String report = CliRun.of("sell", "4", "--from", books(KRAKEN_BTC_USD, BINANCE_BTC_USDT, RATES), "--fee",
                "none").out();

        assertThat(report).contains("\nconverted at 1 USDT = 0.99981 USD · the USDT-USD bid on kraken, from the file"
                        + " · binance\n")
                .contains("\nbinance  taker fee 0% · USDT book converted to USD\n")
                .contains("\n├─ native VWAP   67,059.0022 USDT  converted at 1 USDT = 0.99981 USD\n");
    }

    @Test
    void theCsvAppendsTheQuoteAndTheRateColumns() throws IOException {
        String file = books(KRAKEN_BTC_USD, BINANCE_BTC_USDT, RATES);
        List<Map<String, String>> rows = CsvOutput.read(CliRun.of("sell", "4", "--from", file, "--csv").out());

        assertThat(rows).extracting(row -> String.join(" ", row.get("venue"), row.get("quote"), row.get("ratePair"),
                row.get("rate"), row.get("rateSource"), row.get("rateAgeMs"))).containsExactly(
                "kraken USD    ", "binance USDT USDT-USD 0.99981 kraken ", "merged     ");
        assertThat(rows).isEqualTo(CsvOutput.expected(mapper.readTree(CliRun.of("sell", "4", "--from", file,
                "--json").out())));
    }

    /**
     * The venue's report against the BigDecimal computation: each price × rate rounded to 8 decimals by the side's
     * rule, swept best first for the size; the native VWAP from the venue's own prices over the same fill.
     */
    private static void assertConverted(JsonNode venue, List<String> prices, List<String> sizes, String rate,
                                        RoundingMode rounding, String quantity) {
        BigDecimal remaining = new BigDecimal(quantity);
        BigDecimal notional = BigDecimal.ZERO;
        BigDecimal nativeNotional = BigDecimal.ZERO;
        List<String> fills = new ArrayList<>();
        for (int i = 0; i < prices.size() && remaining.signum() > 0; i++) {
            BigDecimal price = new BigDecimal(prices.get(i));
            BigDecimal converted = price.multiply(new BigDecimal(rate)).setScale(8, rounding);
            BigDecimal take = remaining.min(new BigDecimal(sizes.get(i)));
            notional = notional.add(converted.multiply(take));
            nativeNotional = nativeNotional.add(price.multiply(take));
            fills.add("[\"" + converted.stripTrailingZeros().toPlainString() + "\",\""
                    + take.stripTrailingZeros().toPlainString() + "\"]");
            remaining = remaining.subtract(take);
        }
        BigDecimal filled = new BigDecimal(quantity).subtract(remaining);
        assertThat(venue.get("filled").asText()).isEqualTo(filled.stripTrailingZeros().toPlainString());
        assertThat(venue.get("notional").asText()).isEqualTo(notional.stripTrailingZeros().toPlainString());
        assertThat(venue.get("fills").toString()).isEqualTo("[" + String.join(",", fills) + "]");
        assertThat(venue.get("nativeNotional").asText()).isEqualTo(nativeNotional.stripTrailingZeros()
                .toPlainString());
        int vwapScale = venue.get("vwap").asText().length() - venue.get("vwap").asText().indexOf('.') - 1;
        assertThat(venue.get("vwap").asText()).isEqualTo(notional.divide(filled, vwapScale, RoundingMode.HALF_EVEN)
                .toPlainString());
        assertThat(venue.get("nativeVwap").asText()).isEqualTo(nativeNotional.divide(filled, vwapScale,
                RoundingMode.HALF_EVEN).toPlainString());
    }

    private JsonNode json(String file, String... order) throws IOException {
        List<String> args = new ArrayList<>(List.of(order));
        args.addAll(List.of("--from", file, "--json", "--fee", "none"));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.err()).isEmpty();
        return mapper.readTree(run.out());
    }

    private String books(String... books) throws IOException {
        Path file = Files.createTempFile(folder, "books", ".json");
        Files.writeString(file, "{\"books\":[" + String.join(",\n", books) + "]}");
        return file.toString();
    }
}
