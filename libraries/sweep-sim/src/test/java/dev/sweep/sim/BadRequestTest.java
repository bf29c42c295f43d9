package dev.sweep.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.venue.FeedEvents.Heartbeat;
import dev.sweep.venue.FeedEvents.VenueError;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A bad request gets the venue's error and the connection stays open. */
@Timeout(60)
class BadRequestTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Simulator simulator = Simulator.start(SimulatorConfig.defaults());

    @AfterEach
    void stop() {
        simulator.close();
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
