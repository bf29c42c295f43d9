package dev.sweep.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.venue.FeedEvents;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The simulator's REST snapshots can lag its streams ({@link SimulatorConfig#restLag}, {@code sweep sim --rest-lag}):
 * Binance's depth endpoint then answers with the book as it was the lag before, as the venue's REST cache trails its
 * stream, and a client joining the stream fetches again until a snapshot is recent enough to join, then follows the
 * truth.
 */
@Timeout(60)
class RestLagTest {

    private static final Venue BINANCE = Venues.byName("binance").orElseThrow();
    private static final Instrument BTC_USDT = Instrument.of("BTC-USDT");
    private static final Duration LAG = Duration.ofMillis(200);

    @Test
    void aLaggingDepthEndpointAnswersWithTheBookAsItWasTheLagBefore() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-28T06:00:00Z"));
        try (Simulator lagging = Simulator.start(SimulatorConfig.defaults().withRate(0).withClock(clock)
                .withRestLag(LAG), List.of(BINANCE));
             Simulator current = Simulator.start(SimulatorConfig.defaults().withRate(0).withClock(clock),
                     List.of(BINANCE))) {
            String before = depth(lagging);
            lagging.advance(50);
            current.advance(50);

            String withinTheLag = depth(lagging);
            clock.advance(LAG);
            String afterTheLag = depth(lagging);

            assertThat(withinTheLag).isEqualTo(before);
            assertThat(afterTheLag).isEqualTo(depth(current)).isNotEqualTo(before);
        }
    }

    @Test
    void aClientFetchesALaggingSnapshotAgainUntilItJoinsTheStreamAndFollowsTheTruth() throws InterruptedException {
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(100)
                .withRestLag(Duration.ofMillis(500)), List.of(BINANCE))) {
            // The market moves just before the client joins, so that a snapshot half a second old misses the moves.
            simulator.advance(100);
            try (WsClient client = WsClient.connect(simulator.endpoint(BINANCE.name()), BINANCE, "BTC-USDT")) {
                client.subscribe(BINANCE);
                // Asked for when the venue confirmed the subscription, the snapshot may come before any update: the
                // first update is what shows it stale. Otherwise the buffered updates do. Either way it is fetched
                // again, on the same connection, until one joins the stream.
                client.await("a live book from a later snapshot", Duration.ofSeconds(15),
                        c -> c.book("BTC-USDT").state() == BookState.LIVE && wanted(c) > 1);

                simulator.pause();
                OrderBook truth = simulator.truth(BINANCE.name(), BTC_USDT).copy();
                client.await("the truth", Duration.ofSeconds(15), c -> c.bookEquals("BTC-USDT", truth));
                assertThat(client.events()).doesNotHaveAnyElementsOfTypes(FeedEvents.Broken.class);
            }
        }
    }

    private static long wanted(WsClient client) {
        return client.events().stream().filter(FeedEvents.SnapshotWanted.class::isInstance).count();
    }

    private static String depth(Simulator simulator) throws IOException, InterruptedException {
        URI uri = URI.create(simulator.restEndpoint(BINANCE.name())
                + BINANCE.restSnapshots().orElseThrow().request(BTC_USDT));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }
}
