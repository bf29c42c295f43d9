package dev.sweep.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.Instrument;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Connections end as RFC 6455 §5.5.1 asks: a Close from the venue is answered with a Close echoing its status, and
 * closing the feeds sends a Close before the socket closes. Closing is orderly whoever asks and however often.
 */
@Timeout(60)
class FeedShutdownTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Venue KRAKEN = Venues.byName("kraken").orElseThrow();

    @Test
    void aCloseFromTheVenueIsAnsweredWithACloseEchoingItsStatus() throws Exception {
        try (RawWebSocketServer server = new RawWebSocketServer();
             FeedManager feeds = new FeedManager(List.of(KRAKEN), Map.of("kraken", server.endpoint("/kraken/v2")),
                     List.of(BTC_USD), FeedSettings.defaults()).start()) {
            server.nextFrame(RawWebSocketServer.TEXT, WAIT);

            server.sendClose(1001, "going away");

            assertThat(server.nextFrame(RawWebSocketServer.CLOSE, WAIT).closeCode()).isEqualTo(1001);
            assertThat(server.nextFrame(WAIT).opcode()).isEqualTo(RawWebSocketServer.END_OF_STREAM);
        }
    }

    @Test
    void closingTheFeedsSendsACloseBeforeClosingTheSocket() throws Exception {
        try (RawWebSocketServer server = new RawWebSocketServer()) {
            FeedManager feeds = new FeedManager(List.of(KRAKEN), Map.of("kraken", server.endpoint("/kraken/v2")),
                    List.of(BTC_USD), FeedSettings.defaults()).start();
            server.nextFrame(RawWebSocketServer.TEXT, WAIT);

            feeds.close();

            RawWebSocketServer.Frame close = server.nextFrame(RawWebSocketServer.CLOSE, WAIT);
            assertThat(close.closeCode()).isEqualTo(1000);
            assertThat(server.nextFrame(WAIT).opcode()).isEqualTo(RawWebSocketServer.END_OF_STREAM);
        }
    }

    @Test
    void closingTwiceAtOnceAndAgainIsHarmless() throws Exception {
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults())) {
            FeedManager feeds = new FeedManager(Venues.all(), FeedManagerTest.endpoints(simulator), List.of(BTC_USD),
                    FeedSettings.defaults()).start();
            feeds.awaitLive(BTC_USD, WAIT, ignored -> { });

            // As a shutdown hook and try-with-resources do.
            CompletableFuture<Void> hook = CompletableFuture.runAsync(feeds::close);
            feeds.close();
            hook.get(10, TimeUnit.SECONDS);
            feeds.close();
        }
    }
}
