package dev.sweep.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.core.BookState;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueHarness;
import dev.sweep.venue.coinbase.CoinbaseVenue;
import dev.sweep.venue.gemini.GeminiVenue;
import dev.sweep.venue.kraken.KrakenVenue;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each dialect's frames, captured from a live session, have the fields of the venue's documented examples, with the
 * same JSON types: a client written against the documentation reads the simulator.
 */
@Timeout(60)
class DocumentedShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields the simulator adds that newer venue messages carry but the documented examples predate. */
    private static final Set<String> NEWER_FIELDS = Set.of("timestamp", "req_id");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T12:00:00Z"));
    /** Moved by hand: steps for updates and trades, the clock for heartbeats. */
    private final Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(0).withClock(clock));

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void krakenFramesMatchTheDocumentedExamples() throws Exception {
        List<String> frames = capture(new KrakenVenue(), client -> hasFrame(client, "\"type\":\"update\"")
                && hasFrame(client, "\"channel\":\"heartbeat\""));
        assertShape("kraken/status.json", frame(frames, "\"channel\":\"status\""));
        assertShape("kraken/subscribe-ack.json", frame(frames, "\"result\":{\"channel\":\"book\""));
        assertShape("kraken/checksum-vector-snapshot.json", frame(frames, "\"channel\":\"book\",\"type\":\"snapshot\""));
        assertShape("kraken/update-matic-docs.json", frame(frames, "\"channel\":\"book\",\"type\":\"update\""));
        assertShape("kraken/heartbeat.json", frame(frames, "\"channel\":\"heartbeat\""));
    }

    @Test
    void coinbaseFramesMatchTheDocumentedExamples() throws Exception {
        List<String> frames = capture(new CoinbaseVenue(), client -> hasFrame(client, "\"type\":\"update\"")
                && hasFrame(client, "\"channel\":\"heartbeats\""));
        assertShape("coinbase/subscriptions.json", frame(frames, "\"channel\":\"subscriptions\""));
        assertShape("coinbase/snapshot-docs.json", frame(frames, "\"type\":\"snapshot\""));
        assertShape("coinbase/update.json", frame(frames, "\"type\":\"update\""));
        assertShape("coinbase/heartbeats-live.json", frame(frames, "\"channel\":\"heartbeats\""));
    }

    @Test
    void geminiFramesMatchTheDocumentedExamples() throws Exception {
        List<String> frames = capture(new GeminiVenue(), client -> hasFrame(client, "\"type\":\"trade\"")
                && client.frames().stream().filter(frame -> frame.startsWith("{\"type\":\"l2_updates\"")).count() > 1);
        assertShape("gemini/initial-docs.json", frames.get(0));
        assertShape("gemini/update-docs.json", frames.stream().skip(1)
                .filter(frame -> frame.startsWith("{\"type\":\"l2_updates\"")).findFirst().orElseThrow());
        assertShape("gemini/trade-docs.json", frame(frames, "\"type\":\"trade\""));
    }

    private List<String> capture(Venue venue, Predicate<WsClient> enough) throws InterruptedException {
        try (WsClient client = WsClient.connect(simulator.endpoint(venue.name()), venue, "BTC-USD")) {
            client.subscribe(venue);
            client.await("a live book", Duration.ofSeconds(15), c -> c.book("BTC-USD").state() == BookState.LIVE);
            simulator.advance(2_000);
            client.await("updates", Duration.ofSeconds(15), c -> c.book("BTC-USD").updates() > 50);
            clock.advance(Duration.ofSeconds(5)); // venues send heartbeats when nothing else is sent
            client.await("every kind of frame", Duration.ofSeconds(15), enough);
            return client.frames();
        }
    }

    private static boolean hasFrame(WsClient client, String marker) {
        return client.frames().stream().anyMatch(frame -> frame.contains(marker));
    }

    private static String frame(List<String> frames, String marker) {
        return frames.stream().filter(frame -> frame.contains(marker)).findFirst()
                .orElseThrow(() -> new AssertionError("no frame with " + marker));
    }

    private static void assertShape(String fixture, String frame) throws IOException {
        JsonNode documented = JSON.readTree(VenueHarness.resource(fixture));
        JsonNode ours = JSON.readTree(frame);
        assertSameShape(fixture, "$", documented, ours);
    }

    /** Same JSON types; every documented field present; array items shaped like the documented first item. */
    private static void assertSameShape(String fixture, String path, JsonNode documented, JsonNode ours) {
        assertThat(ours.getNodeType()).as("%s %s", fixture, path).isEqualTo(documented.getNodeType());
        if (documented.isObject()) {
            for (Iterator<String> names = documented.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                assertThat(ours.has(name)).as("%s %s.%s present", fixture, path, name).isTrue();
                assertSameShape(fixture, path + "." + name, documented.get(name), ours.get(name));
            }
            for (Iterator<String> names = ours.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                assertThat(documented.has(name) || NEWER_FIELDS.contains(name))
                        .as("%s %s.%s is documented", fixture, path, name).isTrue();
            }
        } else if (documented.isArray() && !documented.isEmpty()) {
            for (JsonNode item : ours) {
                assertSameShape(fixture, path + "[]", documented.get(0), item);
            }
        }
    }
}
