package dev.sweep.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sweep.core.Instrument;
import dev.sweep.feed.FeedManager;
import dev.sweep.feed.FeedSettings;
import dev.sweep.report.render.SweepOutput;
import dev.sweep.venue.Venues;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A server whose feeds cannot reach their venue: nothing is live, and the API says so with 503. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NothingLiveTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");

    @Test
    void healthAndSweepsAnswer503WithEachVenuesStateAndReason() {
        try (FeedManager feeds = new FeedManager(List.of(Venues.byName("kraken").orElseThrow()),
                Map.of("kraken", URI.create("ws://127.0.0.1:1/kraken/v2")), List.of(BTC_USD),
                FeedSettings.defaults()).start();
             SweepServer server = SweepServer.start(ServerConfig.on(ServerConfig.LOOPBACK, 0),
                     new FeedBooks(SweepOutput.LIVE, List.of(BTC_USD), List.of("kraken"), feeds::views))) {
            Http http = new Http(server.uri());

            Http.Response health = http.get("/api/v1/health");
            Http.Response sweep = http.get("/api/v1/sweep?side=sell&qty=1");
            Http.Response depth = http.get("/api/v1/depth");

            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().at("/status").asText()).isEqualTo("down");
            assertThat(health.json().at("/books/0/integrity").asText())
                    .isEqualTo(Venues.byName("kraken").orElseThrow().integrity());
            assertThat(sweep.status()).isEqualTo(503);
            JsonNode document = sweep.json();
            assertThat(document.at("/venues").size()).isEqualTo(0);
            assertThat(document.at("/merged").toString()).isEqualTo("null");
            assertThat(document.at("/excluded/0/venue").asText()).isEqualTo("kraken");
            assertThat(document.at("/excluded/0/state").asText()).isIn("SYNCING", "UNREACHABLE");
            assertThat(depth.status()).isEqualTo(503);
            assertThat(depth.json().at("/error").asText()).startsWith("no venue is live: kraken ");
        }
    }
}
