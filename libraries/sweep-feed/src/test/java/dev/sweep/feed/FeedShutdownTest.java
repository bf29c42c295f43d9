package dev.sweep.feed;

import dev.sweep.core.Instrument;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.Venues;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Closing is orderly whoever asks and however often. */
@Timeout(60)
class FeedShutdownTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final Duration WAIT = Duration.ofSeconds(20);

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
