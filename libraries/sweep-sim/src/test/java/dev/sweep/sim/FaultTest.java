package dev.sweep.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.sim.session.Session;
import dev.sweep.venue.Venue;
import dev.sweep.venue.coinbase.CoinbaseVenue;
import dev.sweep.venue.kraken.KrakenVenue;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every fault the simulator injects shows the symptom a client must detect. */
@Timeout(60)
class FaultTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(100));

    @AfterEach
    void stop() {
        simulator.close();
    }

    private WsClient liveClient(Venue venue) throws InterruptedException {
        WsClient client = WsClient.connect(simulator.endpoint(venue.name()), venue, "BTC-USD");
        client.subscribe(venue);
        client.await("a live book", WAIT, c -> c.book("BTC-USD").state() == BookState.LIVE);
        return client;
    }

    @Test
    void aChecksumFaultCountsOnlyWhereTheVenueSendsAChecksum() throws InterruptedException {
        try (WsClient kraken = liveClient(new KrakenVenue(10)); WsClient coinbase = liveClient(new CoinbaseVenue())) {
            simulator.inject("kraken", Fault.CHECKSUM);
            simulator.inject("coinbase", Fault.CHECKSUM);
            kraken.await("a checksum mismatch", WAIT, c -> c.book("BTC-USD").state() == BookState.BROKEN);
            simulator.advance(300);

            assertThat(simulator.faultsInjected().get(Fault.CHECKSUM)).isEqualTo(1);
            assertThat(coinbase.book("BTC-USD").state()).isEqualTo(BookState.LIVE);
        }
    }

    @Test
    void anOversizedFrameIsSent() throws Exception {
        // The JDK client gives up on a frame this large, so the frame headers are read off a raw socket.
        try (RawWebSocket raw = RawWebSocket.connect(simulator.port(), "/gemini/v2/marketdata")) {
            raw.sendText("{\"type\":\"subscribe\",\"subscriptions\":[{\"name\":\"l2\",\"symbols\":[\"BTCUSD\"]}]}");
            raw.skipFrame();
            simulator.inject("gemini", Fault.OVERSIZED);
            long largest = 0;
            for (int i = 0; i < 50 && largest < Session.OVERSIZED_BYTES; i++) {
                largest = Math.max(largest, raw.skipFrame());
            }
            assertThat(largest).isGreaterThan(Session.OVERSIZED_BYTES);
        }
    }

    @Test
    void aClientThatStopsReadingIsDisconnected() throws InterruptedException {
        try (Simulator fast = Simulator.start(SimulatorConfig.defaults().withRate(50_000));
             WsClient client = WsClient.connect(fast.endpoint("coinbase"), new CoinbaseVenue(), false, "BTC-USD")) {
            client.subscribe(new CoinbaseVenue());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (fast.clients() > 0 && System.nanoTime() < deadline) {
                java.util.concurrent.TimeUnit.MILLISECONDS.sleep(50);
            }
            assertThat(fast.clients()).as("clients still connected").isZero();
        }
    }
}
