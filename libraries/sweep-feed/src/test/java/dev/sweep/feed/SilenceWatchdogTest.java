package dev.sweep.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.Instrument;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SilenceWatchdogTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final Venue KRAKEN = Venues.byName("kraken").orElseThrow();
    private static final Duration WAIT = Duration.ofSeconds(20);

    /**
     * A connection replaced for its silence is followed by one whose handshake takes a while (a busy venue, a busy
     * machine): the silence of the connection before is not held against it, so it is not replaced before its handshake
     * completes (within the connect timeout), and it subscribes. The venue answers that handshake after 1 s, four of
     * the watchdog's rounds.
     */
    @Test
    void aNewConnectionIsNotReplacedForTheSilenceOfTheOneBefore() throws Exception {
        AtomicLong clock = new AtomicLong(System.nanoTime());
        FeedSettings settings = FeedSettings.defaults().withClock(clock::get)
                .withBackoff(Duration.ofMillis(1), Duration.ofMillis(1));
        try (RawWebSocketServer server = new RawWebSocketServer(Duration.ofSeconds(1));
             FeedManager feeds = new FeedManager(List.of(KRAKEN), Map.of("kraken", server.endpoint("/kraken/v2")),
                     List.of(BTC_USD), settings).start()) {
            server.nextFrame(RawWebSocketServer.TEXT, WAIT);

            clock.addAndGet(TimeUnit.HOURS.toNanos(1));
            while (server.nextFrame(WAIT).opcode() != RawWebSocketServer.END_OF_STREAM) {
                // The first connection's keep-alive and Close, until it is gone.
            }

            assertThat(server.nextFrame(RawWebSocketServer.TEXT, WAIT).text()).as("the next connection's subscribe")
                    .contains("\"method\":\"subscribe\"");
        }
    }
}
