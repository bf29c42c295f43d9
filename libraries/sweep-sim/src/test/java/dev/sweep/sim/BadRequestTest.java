package dev.sweep.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.core.Instrument;
import dev.sweep.venue.FeedEvents;
import dev.sweep.venue.FeedEvents.Heartbeat;
import dev.sweep.venue.FeedEvents.VenueError;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import dev.sweep.venue.coinbase.CoinbaseVenue;
import dev.sweep.venue.gemini.GeminiVenue;
import dev.sweep.venue.kraken.KrakenVenue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A bad request gets the venue's error and the connection stays open. */
@Timeout(60)
class BadRequestTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Simulator simulator = Simulator.start(SimulatorConfig.defaults());

    @AfterEach
    void stop() {
        simulator.close();
    }

    static Stream<Venue> venues() {
        return Venues.all().stream();
    }

    /**
     * Requests holding what a careless writer would copy into its answer unescaped — a quote and a backslash in a
     * symbol, a malformed unicode escape — get error frames that are themselves valid JSON, which the venue's own
     * adapter reads as the venue's error.
     */
    @ParameterizedTest
    @MethodSource("venues")
    void errorFramesAreValidJsonWhateverTheRequestHolds(Venue venue) throws Exception {
        String symbol = venue.symbol(Instrument.of("BTC-USD"));
        List<String> subscribe = venue.subscribeMessages(List.of(Instrument.of("BTC-USD")));
        String quoted = "\"" + symbol + "\"";
        String last = subscribe.get(subscribe.size() - 1);
        try (WsClient client = WsClient.connect(simulator.endpoint(venue.name()), venue, "BTC-USD")) {
            int before = client.frames().size();
            client.send(last.replace(quoted, "\"PU\\\"\\\\PS\""));
            client.send(last.replace(quoted, "\"BTC\\uZZZZ\""));

            client.await("two answers", WAIT, c -> c.frames().size() >= before + 2);
            ObjectMapper json = new ObjectMapper();
            for (String frame : client.frames().subList(before, client.frames().size())) {
                assertThat(json.readTree(frame).isObject()).as(frame).isTrue();
            }
            assertThat(client.events()).filteredOn(event -> !(event instanceof Heartbeat))
                    .hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(event -> assertThat(event).isInstanceOf(VenueError.class));
            assertThat(client.events()).doesNotHaveAnyElementsOfTypes(FeedEvents.Rejected.class);
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void krakenRefusesUnknownPairsBadDepthsAndGarbage() throws InterruptedException {
        try (WsClient client = WsClient.connect(simulator.endpoint("kraken"), new KrakenVenue(), "BTC-USD")) {
            client.send("{\"method\":\"subscribe\",\"params\":{\"channel\":\"book\",\"symbol\":[\"PUPS/USD\"]},\"req_id\":42}");
            client.send("{\"method\":\"subscribe\",\"params\":{\"channel\":\"book\",\"symbol\":[\"BTC/USD\"],\"depth\":7}}");
            client.send("{\"method\":\"subscribe\",");
            client.send("{\"method\":\"ping\",\"req_id\":9}");

            client.await("three errors and a pong", WAIT, c -> c.events().size() >= 5);
            assertThat(client.events()).containsSubsequence(
                    new VenueError("Currency pair not supported PUPS/USD"),
                    new VenueError("Invalid depth: must be one of [10, 25, 100, 500, 1000]"));
            assertThat(client.events()).anySatisfy(event -> assertThat(event).isInstanceOf(VenueError.class)
                    .asString().contains("Malformed request"));
            assertThat(client.events()).contains(new Heartbeat());
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void coinbaseRefusesUnknownProductsAndChannels() throws InterruptedException {
        try (WsClient client = WsClient.connect(simulator.endpoint("coinbase"), new CoinbaseVenue(), "BTC-USD")) {
            client.send("{\"type\":\"subscribe\",\"product_ids\":[\"PUPS-USD\"],\"channel\":\"level2\"}");
            client.send("{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],\"channel\":\"level3\"}");

            client.await("two errors", WAIT, c -> c.events().size() >= 2);
            assertThat(client.events()).containsExactly(
                    new VenueError("Failed to subscribe: unknown product id PUPS-USD"),
                    new VenueError("Failed to subscribe: unsupported channel level3"));
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void coinbaseDisconnectsAClientThatDoesNotSubscribeWithinFiveSeconds() throws InterruptedException {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-27T12:00:00Z"));
        try (Simulator timed = Simulator.start(SimulatorConfig.defaults().withClock(clock));
             WsClient client = WsClient.connect(timed.endpoint("coinbase"), new CoinbaseVenue(), "BTC-USD")) {
            client.await("the connection to be served", WAIT, c -> timed.clients() == 1);

            clock.advance(Duration.ofSeconds(5).plusMillis(1));

            client.await("the disconnect", WAIT, WsClient::isClosed);
        }
    }

    @Test
    void geminiRefusesUnknownSymbols() throws InterruptedException {
        try (WsClient client = WsClient.connect(simulator.endpoint("gemini"), new GeminiVenue(), "BTC-USD")) {
            client.send("{\"type\":\"subscribe\",\"subscriptions\":[{\"name\":\"l2\",\"symbols\":[\"PUPSUSD\"]}]}");

            client.await("an error", WAIT, c -> !c.events().isEmpty());
            assertThat(client.events()).containsExactly(new VenueError("InvalidSymbol"));
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void anUnknownPathIsA404ListingTheVenues() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulator.port() + "/binance")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("/kraken/v2", "/coinbase", "/gemini/v2/marketdata");
    }
}
