package dev.sweep.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sweep.venue.Venues;
import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.OrderSide;
import dev.sweep.feed.BookView;
import dev.sweep.report.Reports;
import dev.sweep.report.TakerFees;
import dev.sweep.report.bookfile.BookFile;
import dev.sweep.report.render.JsonRenderer;
import dev.sweep.report.render.SweepOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every endpoint of the API over real HTTP on loopback, answering from a book file (deterministic). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApiTest {

    static final String BOOKS = """
            {"books": [
              {"venue": "kraken", "symbol": "BTC-USD",
               "bids": [["100.5", "1"], ["100.0", "2"], ["99.5", "3"]],
               "asks": [["101.0", "1.5"], ["101.5", "2"]]},
              {"venue": "coinbase", "symbol": "BTC-USD",
               "bids": [["100.40", "0.5"], ["100.20", "4"]],
               "asks": [["100.90", "1"], ["102.00", "5"]]},
              {"venue": "kraken", "symbol": "ETH-USD",
               "bids": [["3000.10", "10"]],
               "asks": [["3000.20", "10"]]}
            ]}
            """;
    private static final Instrument BTC_USD = Instrument.of("BTC-USD");

    @TempDir
    static Path folder;
    static Path file;
    static SweepServer server;
    static Http http;

    @BeforeAll
    static void serve() throws IOException {
        file = Files.writeString(folder.resolve("books.json"), BOOKS);
        server = SweepServer.start(ServerConfig.on(ServerConfig.LOOPBACK, 0), FileBooks.read(file, List.of(),
                List.of()));
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theSweepIsTheDocumentTheCommandLinePrintsForTheSameBooks() {
        Http.Response response = http.get("/api/v1/sweep?side=sell&qty=3&fee=none");

        List<BookView> views = BookFile.read(file, BTC_USD).stream()
                .map(BookView::fromFile).toList();
        String printed = new JsonRenderer().render(new SweepOutput(SweepOutput.FILE, Reports.analyze(
                new OrderRequest(OrderSide.SELL, new BigDecimal("3"), false), views, TakerFees.from(List.of("none"))),
                views)) + "\n";
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.type()).isEqualTo("application/json; charset=utf-8");
        assertThat(response.body()).isEqualTo(printed);
        assertThat(response.json().at("/merged/vwap").asText()).isEqualTo("100.3333");
    }

    @Test
    void aQuoteAmountVenuesAndFeesAreTheCommandLinesOptionsAsParameters() {
        JsonNode sweep = http.get("/api/v1/sweep?side=buy&quote=100.9&venues=coinbase&fee=coinbase:0bps").json();

        assertThat(sweep.at("/requested").asText()).isEqualTo("100.9");
        assertThat(sweep.at("/unit").asText()).isEqualTo("USD");
        assertThat(sweep.at("/venues/0/venue").asText()).isEqualTo("coinbase");
        assertThat(sweep.at("/venues").size()).isEqualTo(1);
        assertThat(sweep.at("/merged/filled").asText()).isEqualTo("1");
    }

    @Test
    void theCurveSweepsEverySizeAndLeavesPricesNullWhereABookIsTooThin() {
        JsonNode curve = http.get("/api/v1/curve?side=sell&sizes=3,10&fee=none").json();

        assertThat(curve.at("/sizes").toString()).isEqualTo("[\"3\",\"10\"]");
        assertThat(curve.at("/venues/0/venue").asText()).isEqualTo("kraken");
        assertThat(curve.at("/venues/0/points/0/vwap").asText()).isEqualTo("100.167");
        assertThat(curve.at("/venues/0/points/1/complete").asBoolean()).isFalse();
        assertThat(curve.at("/venues/0/points/1/filled").asText()).isEqualTo("6");
        assertThat(curve.at("/venues/0/points/1/shortfall").asText()).isEqualTo("4");
        assertThat(curve.at("/venues/0/points/1/vwap").toString()).isEqualTo("null");
        assertThat(curve.at("/venues/0/points/1/slippageBps/vsMid").toString()).isEqualTo("null");
        assertThat(curve.at("/merged/points/1/complete").asBoolean()).isTrue();
        assertThat(curve.at("/merged/points/1/vwap").asText()).isEqualTo("100.0250");
    }

    @Test
    void theDepthSumsSizeAndNotionalWithinEachBandAroundTheMid() {
        JsonNode depth = http.get("/api/v1/depth?bands=0.5").json();

        assertThat(depth.at("/venues/0/mid").asText()).isEqualTo("100.75");
        assertThat(depth.at("/venues/0/bands/0/bids").toString())
                .isEqualTo("{\"size\":\"1\",\"notional\":\"100.5\",\"truncated\":false}");
        assertThat(depth.at("/venues/0/bands/0/asks").toString())
                .isEqualTo("{\"size\":\"1.5\",\"notional\":\"151.5\",\"truncated\":false}");
        assertThat(depth.at("/merged/mid").asText()).isEqualTo("100.7");
        assertThat(depth.at("/merged/bands/0/bids").toString())
                .isEqualTo("{\"size\":\"5.5\",\"notional\":\"551.5\",\"truncated\":false}");
        assertThat(depth.at("/merged/bands/0/asks").toString())
                .isEqualTo("{\"size\":\"2.5\",\"notional\":\"252.4\",\"truncated\":false}");
    }

    @Test
    void aBookIsTheBookFileThatSweepBookWrites() {
        Http.Response response = http.get("/api/v1/books/kraken/ETH-USD?depth=1");

        OrderBook book = BookFile.read(file, Instrument.of("ETH-USD")).get(0);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(BookFile.write(List.of(book), 1) + "\n");
    }

    @Test
    void healthListsEveryBookAndIsOkWhenAllAreLive() {
        Http.Response response = http.get("/api/v1/health");

        assertThat(response.status()).isEqualTo(200);
        JsonNode health = response.json();
        assertThat(health.at("/status").asText()).isEqualTo("ok");
        assertThat(health.at("/books").size()).isEqualTo(3);
        assertThat(health.at("/books/2").toString()).isEqualTo("{\"venue\":\"kraken\",\"symbol\":\"ETH-USD\","
                + "\"state\":\"LIVE\",\"verified\":true,\"ageMs\":null,\"integrity\":\"a book file: checked whole when read\","
                + "\"updates\":1,\"resyncs\":0,\"lastProblem\":null}");
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("/api/v1/sweep?qty=3", 400, "side", "side is required"),
                Arguments.of("/api/v1/sweep?side=hold&qty=3", 400, "side", "side must be sell or buy, not 'hold'"),
                Arguments.of("/api/v1/sweep?side=sell", 400, "qty", "give either qty or quote, not neither"),
                Arguments.of("/api/v1/sweep?side=sell&qty=1&quote=5", 400, "quote", "give either qty or quote, not both"),
                Arguments.of("/api/v1/sweep?side=sell&qty=-1", 400, "qty", "qty '-1' is not valid: must be a positive number"),
                Arguments.of("/api/v1/sweep?side=sell&qty=0", 400, "qty", "qty must be greater than 0"),
                Arguments.of("/api/v1/sweep?side=sell&qty=1&qty=2", 400, "qty", "qty is given 2 times"),
                Arguments.of("/api/v1/sweep?side=sell&qty=1&size=2", 400, "size",
                        "unknown parameter 'size' (parameters: side, qty, quote, symbol, venues, fee, convert)"),
                Arguments.of("/api/v1/sweep?side=sell&qty=1&symbol=BTCUSD", 400, "symbol",
                        "symbol: symbol 'BTCUSD' is not of the form BASE-QUOTE, e.g. BTC-USD"),
                Arguments.of("/api/v1/sweep?side=sell&qty=1&symbol=SOL-USD", 404, "symbol",
                        "no SOL-USD books here (symbols: BTC-USD, ETH-USD)"),
                Arguments.of("/api/v1/sweep?side=sell&qty=1&venues=binance", 404, "venues",
                        "no books of venue 'binance' here (venues: kraken, coinbase)"),
                Arguments.of("/api/v1/sweep?side=sell&qty=1&venues=kraken,kraken", 400, "venues",
                        "venues names kraken twice"),
                Arguments.of("/api/v1/sweep?side=sell&qty=1&venues=kraken,", 400, "venues", "venues has an empty item"),
                Arguments.of("/api/v1/sweep?side=sell&qty=1&fee=kraken", 400, "fee",
                        "fee 'kraken' must be RATE (for every venue), VENUE:RATE or none, e.g. kraken:0.26%"),
                Arguments.of("/api/v1/sweep?side=sell&qty=1&fee=pups:1bps", 400, "fee",
                        "fee names unknown venue(s): pups"),
                Arguments.of("/api/v1/sweep?side=sell&qty=" + "1".repeat(201), 400, "qty",
                        "qty is longer than 200 characters"),
                Arguments.of("/api/v1/curve?side=sell&sizes=" + "1,".repeat(20) + "1", 400, "sizes",
                        "sizes has more than 20 items"),
                Arguments.of("/api/v1/curve?side=sell&sizes=1,x", 400, "sizes",
                        "sizes 'x' is not valid: not a decimal number"),
                Arguments.of("/api/v1/depth?bands=100", 400, "bands", "bands are percentages of the mid below 100, not 100"),
                Arguments.of("/api/v1/books/binance/BTC-USD", 404, "venue",
                        "no books of venue 'binance' here (venues: kraken, coinbase)"),
                Arguments.of("/api/v1/books/coinbase/ETH-USD", 404, "symbol", "coinbase has no ETH-USD book here"),
                Arguments.of("/api/v1/books/kraken/DOGE-USD", 404, "symbol",
                        "no DOGE-USD books here (symbols: BTC-USD, ETH-USD)"),
                Arguments.of("/api/v1/books/kraken/BTC-USD?depth=0", 400, "depth",
                        "depth must be a whole number from 1 to 1000000, not '0'"),
                Arguments.of("/api/v1/stream?side=sell&qty=1", 400, null,
                        "/api/v1/stream is a WebSocket: connect with ws://"),
                Arguments.of("/api/v1/stream?side=sell&qty=1&interval=2", 400, "interval",
                        "interval '2' must be a positive duration such as 500ms, 2s or 1m"),
                Arguments.of("/api/v1/nothing", 404, null,
                        "no such resource: /api/v1/nothing (the API is under /api/v1/, the page at /)"));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void aBadRequestIsAnsweredWithOneLineNamingTheParameter(String path, int status, String parameter,
                                                            String message) {
        Http.Response response = http.get(path);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.type()).isEqualTo("application/json; charset=utf-8");
        assertThat(response.json().get("error").asText()).isEqualTo(message);
        assertThat(response.json().get("parameter").toString()).isEqualTo(parameter == null ? "null"
                : "\"" + parameter + "\"");
    }

    @Test
    void aPercentSignIsWrittenEscapedAndABareOneIsExplained() throws IOException {
        assertThat(http.get("/api/v1/sweep?side=sell&qty=1&fee=kraken:0.26%25").json().at("/venues/0/takerFeePct")
                .asText()).isEqualTo("0.26");

        // A bare % is not a valid URI for Java's client: sent as raw bytes, as curl sends what it is given.
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.uri().getPort())) {
            socket.getOutputStream().write(("GET /api/v1/sweep?side=sell&qty=1&fee=kraken:0.26% HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400 ").contains("{\"error\":\"malformed query string (write % as"
                    + " %25, e.g. fee=kraken:0.26%25): ");
        }
    }

    @Test
    void onlyGetIsServed() {
        Http.Response response = http.send(http.request("/api/v1/sweep?side=sell&qty=1")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100_000))).build());

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.json().get("error").asText()).isEqualTo("only GET is served");
    }

    @Test
    void headIsNotServedEither() {
        Http.Response response = http.send(http.request("/api/v1/health")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.status()).isEqualTo(405);
    }

    @Test
    void aRequestLineLongerThanTheLimitIsRefusedWithoutATrace() {
        Http.Response response = http.get("/api/v1/sweep?side=sell&qty=1&fee=" + "x".repeat(5_000));

        assertThat(response.status()).isEqualTo(414);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
