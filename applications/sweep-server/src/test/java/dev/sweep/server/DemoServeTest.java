package dev.sweep.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.core.Instrument;
import dev.sweep.feed.FeedManager;
import dev.sweep.feed.FeedSettings;
import dev.sweep.report.render.SweepOutput;
import dev.sweep.sim.Fault;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code sweep serve --demo} end to end: the simulator, the three venues' feeds over loopback WebSockets, and the
 * server in front of them, all real.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DemoServeTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Simulator simulator;
    static FeedManager feeds;
    static SweepServer server;
    static Http http;

    @BeforeAll
    static void serve() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        ServerMetrics metrics = new ServerMetrics();
        feeds = new FeedManager(Venues.all(), Venues.all().stream().collect(Collectors.toMap(Venue::name,
                venue -> simulator.endpoint(venue.name()))), List.of(BTC_USD), FeedSettings.defaults(),
                metrics.frameTap()).start();
        server = SweepServer.start(ServerConfig.on(ServerConfig.LOOPBACK, 0), new FeedBooks(SweepOutput.DEMO,
                List.of(BTC_USD), Venues.names(), feeds::views), metrics);
        http = new Http(server.uri());
        awaitHealth("every book live", health -> health.at("/status").asText().equals("ok"));
    }

    @AfterAll
    static void stop() {
        server.close();
        feeds.close();
        simulator.close();
    }

    @Test
    void theStreamPushesASweepDocumentPerRefresh() throws Exception {
        BlockingQueue<String> documents = new LinkedBlockingQueue<>();
        URI stream = URI.create("ws://127.0.0.1:" + server.uri().getPort()
                + "/api/v1/stream?side=sell&qty=2&interval=200ms&venues=kraken,coinbase");
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(stream,
                new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            documents.add(text.toString());
                            text.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            for (int i = 0; i < 3; i++) {
                JsonNode document = JSON.readTree(documents.poll(10, TimeUnit.SECONDS));
                assertThat(document.at("/source").asText()).isEqualTo("demo");
                assertThat(document.at("/requested").asText()).isEqualTo("2");
                assertThat(document.at("/venues").size()).isEqualTo(2);
                assertThat(document.at("/merged/filled").asText()).isEqualTo("2");
            }
        } finally {
            socket.abort();
        }
    }

    @Test
    void aBadStreamRequestIsRefusedBeforeTheUpgrade() {
        Http.Response response = http.get("/api/v1/stream?side=sell&qty=2&interval=10ms");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("parameter").asText()).isEqualTo("interval");
        assertThat(response.json().get("error").asText()).isEqualTo("interval must be at least 100ms");
    }

    @Test
    void metricsCountFramesBooksAndRequestsInThePrometheusTextFormat() {
        http.get("/api/v1/sweep?side=buy&qty=1");

        Http.Response metrics = http.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.type()).startsWith("text/plain; version=0.0.4");
        assertThat(metrics.body())
                .containsPattern("(?m)^sweep_frames_total\\{venue=\"kraken\"} [1-9]")
                .containsPattern("(?m)^sweep_book_live\\{state=\"LIVE\",symbol=\"BTC-USD\",venue=\"gemini\"} 1")
                .containsPattern("(?m)^sweep_book_age_seconds\\{symbol=\"BTC-USD\",venue=\"coinbase\"} ")
                .containsPattern("(?m)^sweep_requests_total\\{endpoint=\"sweep\",status=\"200\"} [1-9]")
                .containsPattern("(?m)^sweep_request_duration_seconds_bucket\\{endpoint=\"sweep\",le=\"\\+Inf\"} [1-9]");
    }

    @Test
    void healthTurnsStaleWhenAVenueStallsAndLiveAgainAfter() throws InterruptedException {
        simulator.inject("kraken", Fault.STALL);

        JsonNode stale = awaitHealth("kraken stale", health -> state(health, "kraken").equals("STALE"));
        assertThat(stale.at("/status").asText()).isEqualTo("degraded");
        assertThat(http.get("/api/v1/health").status()).isEqualTo(200);
        awaitHealth("kraken live again", health -> state(health, "kraken").equals("LIVE"));
    }

    private static String state(JsonNode health, String venue) {
        for (JsonNode book : health.at("/books")) {
            if (book.at("/venue").asText().equals(venue)) {
                return book.at("/state").asText();
            }
        }
        throw new AssertionError("no " + venue + " book in " + health);
    }

    private static JsonNode awaitHealth(String what, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            JsonNode health = http.get("/api/v1/health").json();
            if (condition.test(health)) {
                return health;
            }
            assertThat(System.nanoTime()).as(what + ": " + health).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
