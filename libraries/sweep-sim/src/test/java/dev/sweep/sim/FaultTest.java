package dev.sweep.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.venue.FeedEvents;
import dev.sweep.venue.Venue;
import dev.sweep.venue.coinbase.CoinbaseVenue;
import dev.sweep.venue.gemini.GeminiVenue;
import dev.sweep.venue.kraken.KrakenVenue;
import dev.sweep.sim.session.Session;
import java.time.Duration;
import java.time.Instant;
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
    void dropClosesTheConnectionWithoutACloseFrame() throws InterruptedException {
        try (WsClient client = liveClient(new GeminiVenue())) {
            simulator.inject("gemini", Fault.DROP);
            client.await("the connection to drop", WAIT, WsClient::isClosed);
        }
    }

    @Test
    void aCoinbaseGapIsASequenceGap() throws InterruptedException {
        try (WsClient client = liveClient(new CoinbaseVenue())) {
            simulator.inject("coinbase", Fault.GAP);
            client.await("the gap", WAIT, c -> c.book("BTC-USD").state() == BookState.BROKEN);
            assertThat(client.events()).anySatisfy(event -> assertThat(event).isInstanceOf(FeedEvents.Broken.class)
                    .asString().contains("sequence gap"));
        }
    }

    @Test
    void aLostKrakenUpdateIsCaughtByTheNextChecksum() throws InterruptedException {
        try (WsClient client = liveClient(new KrakenVenue(10))) {
            simulator.inject("kraken", Fault.GAP);
            client.await("a checksum mismatch", WAIT, c -> c.book("BTC-USD").state() == BookState.BROKEN);
            assertThat(client.events()).anySatisfy(event -> assertThat(event).isInstanceOf(FeedEvents.Broken.class)
                    .asString().contains("checksum mismatch"));
        }
    }

    @Test
    void aCorruptChecksumBreaksTheKrakenBook() throws InterruptedException {
        try (WsClient client = liveClient(new KrakenVenue())) {
            simulator.inject("kraken", Fault.CHECKSUM);
            client.await("a checksum mismatch", WAIT, c -> c.book("BTC-USD").state() == BookState.BROKEN);
            assertThat(client.events()).anySatisfy(event -> assertThat(event).asString()
                    .contains("checksum mismatch on BTC/USD: venue 0"));
        }
    }

    @Test
    void malformedJsonIsRejected() throws InterruptedException {
        try (WsClient client = liveClient(new CoinbaseVenue())) {
            simulator.inject("coinbase", Fault.MALFORMED);
            client.await("a rejection", WAIT, c -> c.events().stream().anyMatch(event ->
                    event instanceof FeedEvents.Rejected rejected && rejected.reason().startsWith("malformed JSON")));
            assertThat(client.book("BTC-USD").state()).isEqualTo(BookState.BROKEN);
        }
    }

    @Test
    void aStallSilencesTheConnectionThenDeliversWhatItHeld() throws InterruptedException {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-27T12:00:00Z"));
        try (Simulator timed = Simulator.start(SimulatorConfig.defaults().withRate(0).withClock(clock));
             WsClient client = WsClient.connect(timed.endpoint("coinbase"), new CoinbaseVenue(), "BTC-USD")) {
            client.subscribe(new CoinbaseVenue());
            client.await("a live book", WAIT, c -> c.book("BTC-USD").state() == BookState.LIVE);
            timed.inject("coinbase", Fault.STALL);
            timed.advance(100);
            long sentWhenStalled = timed.framesSent();

            timed.advance(100);
            assertThat(timed.framesSent()).as("frames sent while stalled").isEqualTo(sentWhenStalled);

            clock.advance(Duration.ofNanos(Session.STALL_NANOS));
            client.await("the truth, once the stall is over", WAIT,
                    c -> c.bookEquals("BTC-USD", timed.truth("coinbase", Instrument.of("BTC-USD"))));
            assertThat(client.book("BTC-USD").state()).isEqualTo(BookState.LIVE);
            assertThat(client.events()).doesNotHaveAnyElementsOfTypes(FeedEvents.Broken.class);
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
