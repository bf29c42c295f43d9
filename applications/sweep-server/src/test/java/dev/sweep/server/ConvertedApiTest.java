package dev.sweep.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API converts as the command line does, over real HTTP on loopback from a book file: a venue with only a
 * BTC-USDT book takes part in a BTC-USD sweep, curve, depth and book converted at the best USDT-USD rate of the side
 * traded, each naming its quote and rate; {@code convert=false} leaves it out, and names why when it is asked for.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConvertedApiTest {

    /** Binance quotes only in USDT; the best USDT-USD bid is Kraken's, the best ask Coinbase's. */
    static final String BOOKS = """
            {"books": [
              {"venue": "kraken", "symbol": "BTC-USD",
               "bids": [["100.5", "1"], ["100.0", "2"]],
               "asks": [["101.0", "1.5"], ["101.5", "2"]]},
              {"venue": "binance", "symbol": "BTC-USDT",
               "bids": [["100.61", "1"], ["100.13", "2"]],
               "asks": [["100.93", "1"], ["101.47", "3"]]},
              {"venue": "kraken", "symbol": "USDT-USD",
               "bids": [["0.99981234", "50000"]],
               "asks": [["0.99991111", "50000"]]},
              {"venue": "coinbase", "symbol": "USDT-USD",
               "bids": [["0.9998", "1000"]],
               "asks": [["0.9999", "1000"]]}
            ]}
            """;
    private static final BigDecimal BID_RATE = new BigDecimal("0.99981234");
    private static final BigDecimal ASK_RATE = new BigDecimal("0.9999");

    @TempDir
    static Path folder;
    static SweepServer server;
    static Http http;

    @BeforeAll
    static void serve() throws IOException {
        Path file = Files.writeString(folder.resolve("books.json"), BOOKS);
        server = SweepServer.start(ServerConfig.on(ServerConfig.LOOPBACK, 0), FileBooks.read(file, List.of("BTC-USD"),
                List.of()));
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSweepTakesTheUsdtBookConvertedAtTheBestRateBidAndNamesIt() {
        Http.Response response = http.get("/api/v1/sweep?side=sell&qty=1&fee=none&venues=binance");

        assertThat(response.status()).isEqualTo(200);
        JsonNode binance = response.json().at("/venues/0");
        assertThat(binance.get("venue").asText()).isEqualTo("binance");
        assertThat(binance.get("quote").asText()).isEqualTo("USDT");
        assertThat(binance.get("rate").toString()).isEqualTo("{\"pair\":\"USDT-USD\",\"rate\":\"0.99981234\","
                + "\"source\":\"kraken\",\"ageMs\":null}");
        assertThat(new BigDecimal(binance.get("notional").asText()))
                .isEqualByComparingTo(bid("100.61"));
        assertThat(new BigDecimal(binance.get("nativeNotional").asText())).isEqualByComparingTo("100.61");
        assertThat(response.json().at("/merged/conversions/0/venue").asText()).isEqualTo("binance");
        assertThat(response.json().at("/merged/conversions/0/source").asText()).isEqualTo("kraken");
    }

    @Test
    void aBuyConvertsAtTheBestRateAsk() {
        JsonNode binance = http.get("/api/v1/sweep?side=buy&qty=1&fee=none&venues=binance").json().at("/venues/0");

        assertThat(binance.at("/rate/source").asText()).isEqualTo("coinbase");
        assertThat(binance.at("/rate/rate").asText()).isEqualTo("0.9999");
        assertThat(new BigDecimal(binance.get("notional").asText())).isEqualByComparingTo(ask("100.93"));
    }

    @Test
    void convertFalseSweepsOnlyTheBooksInTheSymbolsCurrency() {
        JsonNode sweep = http.get("/api/v1/sweep?side=sell&qty=1&fee=none&convert=false").json();

        assertThat(sweep.at("/venues").size()).isEqualTo(1);
        assertThat(sweep.at("/venues/0/venue").asText()).isEqualTo("kraken");
        assertThat(sweep.at("/venues/0/quote").asText()).isEqualTo("USD");
        assertThat(sweep.at("/venues/0/rate").isNull()).isTrue();
        assertThat(sweep.at("/excluded").size()).isEqualTo(0);
        assertThat(sweep.at("/merged/conversions").size()).isEqualTo(0);
    }

    @Test
    void aVenueAskedForThatTakesPartOnlyConvertedIsABadRequestWithConvertFalse() {
        Http.Response response = http.get("/api/v1/sweep?side=sell&qty=1&venues=binance&convert=false");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("parameter").asText()).isEqualTo("venues");
        assertThat(response.json().get("error").asText()).isEqualTo("binance has no BTC-USD book: it quotes in USDT,"
                + " which this sweep does not convert (convert=false)");
    }

    @Test
    void aConvertThatIsNeitherTrueNorFalseIsABadRequest() {
        Http.Response response = http.get("/api/v1/depth?convert=maybe");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("parameter").asText()).isEqualTo("convert");
        assertThat(response.json().get("error").asText()).isEqualTo("convert must be true or false, not 'maybe'");
    }

    @Test
    void theCurveConvertsAtTheRateOfTheSideItTrades() {
        JsonNode curve = http.get("/api/v1/curve?side=buy&sizes=1&fee=none").json();

        JsonNode binance = curve.at("/venues/1");
        assertThat(binance.get("venue").asText()).isEqualTo("binance");
        assertThat(binance.get("quote").asText()).isEqualTo("USDT");
        assertThat(binance.at("/rate/source").asText()).isEqualTo("coinbase");
        BigDecimal vwap = new BigDecimal(binance.at("/points/0/vwap").asText());
        assertThat(vwap).isEqualByComparingTo(ask("100.93").setScale(vwap.scale(), RoundingMode.HALF_EVEN));
    }

    @Test
    void theDepthConvertsEachSideAtItsOwnRate() {
        JsonNode depth = http.get("/api/v1/depth?bands=2").json();

        JsonNode binance = depth.at("/venues/1");
        assertThat(binance.get("venue").asText()).isEqualTo("binance");
        assertThat(binance.get("quote").asText()).isEqualTo("USDT");
        assertThat(binance.at("/rates/bids/source").asText()).isEqualTo("kraken");
        assertThat(binance.at("/rates/asks/source").asText()).isEqualTo("coinbase");
        assertThat(new BigDecimal(binance.get("mid").asText()))
                .isEqualByComparingTo(bid("100.61").add(ask("100.93")).divide(BigDecimal.valueOf(2)));
    }

    @Test
    void aConvertedBookIsABookFileOfTheSymbolThatNamesItsRates() {
        Http.Response response = http.get("/api/v1/books/binance/BTC-USD");

        assertThat(response.status()).isEqualTo(200);
        JsonNode book = response.json().at("/books/0");
        assertThat(book.get("symbol").asText()).isEqualTo("BTC-USD");
        assertThat(book.get("quote").asText()).isEqualTo("USDT");
        assertThat(book.at("/rates/bids/rate").asText()).isEqualTo("0.99981234");
        assertThat(book.at("/rates/asks/rate").asText()).isEqualTo("0.9999");
        assertThat(new BigDecimal(book.at("/bids/0/0").asText())).isEqualByComparingTo(bid("100.61"));
        assertThat(new BigDecimal(book.at("/bids/1/0").asText())).isEqualByComparingTo(bid("100.13"));
        assertThat(new BigDecimal(book.at("/asks/1/0").asText())).isEqualByComparingTo(ask("101.47"));
        assertThat(book.at("/asks/1/1").asText()).isEqualTo("3");

        Http.Response unconverted = http.get("/api/v1/books/binance/BTC-USD?convert=false");
        assertThat(unconverted.status()).isEqualTo(404);
        assertThat(unconverted.json().get("error").asText()).isEqualTo("binance has no BTC-USD book here");
    }

    @Test
    void healthListsTheConvertedAndRateBooksFollowed() {
        JsonNode health = http.get("/api/v1/health").json();

        assertThat(health.at("/books").findValuesAsText("symbol"))
                .containsExactly("BTC-USD", "BTC-USDT", "USDT-USD", "USDT-USD");
    }

    @Test
    void withoutARateBookTheUsdtVenueIsExcludedWithTheReasonNeverTakenAtPar() throws IOException {
        String noRates = BOOKS.substring(0, BOOKS.indexOf(",\n  {\"venue\": \"kraken\", \"symbol\": \"USDT-USD\""))
                + "\n]}\n";
        Path file = Files.writeString(folder.resolve("no-rates.json"), noRates);
        try (SweepServer noRate = SweepServer.start(ServerConfig.on(ServerConfig.LOOPBACK, 0), FileBooks.read(file,
                List.of(), List.of()))) {
            JsonNode sweep = new Http(noRate.uri()).get("/api/v1/sweep?side=sell&qty=1&fee=none").json();

            assertThat(sweep.at("/venues").findValuesAsText("venue")).containsExactly("kraken");
            assertThat(sweep.at("/excluded/0").toString()).isEqualTo("{\"venue\":\"binance\",\"state\":\"NO_RATE\","
                    + "\"verified\":true,\"problem\":\"BTC-USDT book: no USDT-USD book to convert at: give a rate with"
                    + " --convert USDT=USD@RATE\",\"quote\":\"USDT\"}");
        }
    }

    /** A USDT bid in USD at the sell's rate, rounded down: against the taker. */
    private static BigDecimal bid(String price) {
        return new BigDecimal(price).multiply(BID_RATE).setScale(8, RoundingMode.FLOOR);
    }

    /** A USDT ask in USD at the buy's rate, rounded up: against the taker. */
    private static BigDecimal ask(String price) {
        return new BigDecimal(price).multiply(ASK_RATE).setScale(8, RoundingMode.CEILING);
    }
}
