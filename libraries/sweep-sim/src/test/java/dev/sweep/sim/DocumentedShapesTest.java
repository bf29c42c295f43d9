package dev.sweep.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.core.BookState;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueHarness;
import dev.sweep.venue.Venues;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each registered venue's frames, captured from a live session, have the fields of the venue's documented examples,
 * with the same JSON types: a client written against the documentation reads the simulator. A venue brings its
 * examples as fixtures in a folder of its name, listed with the markers of their frames in its {@code shapes.txt}.
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

    /** Every registered venue: each brings its documented examples, and what marks a frame of each kind. */
    static List<Venue> venues() {
        return Venues.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("venues")
    void framesMatchTheVenuesDocumentedExamples(Venue venue) throws Exception {
        List<Shape> shapes = Shape.of(venue);
        List<String> frames = capture(venue, client -> shapes.stream().allMatch(shape -> client.frames().stream()
                .anyMatch(shape::marks)));

        for (Shape shape : shapes) {
            assertShape(shape.path(venue), frames.stream().filter(shape::marks).findFirst().orElseThrow());
        }
    }

    /**
     * A documented example, and the markers of a frame of its kind, from the venue's {@code shapes.txt}: a frame
     * holds every marker, and none of those starting with {@code !}. A variant of another venue names that venue's
     * fixture with its folder ({@code testvenue/update.json}) rather than keep a copy.
     */
    private record Shape(String fixture, List<String> markers) {

        static List<Shape> of(Venue venue) {
            return VenueHarness.resource(venue.name() + "/shapes.txt").lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.trim().split("\\s+"))
                    .map(words -> new Shape(words[0], List.of(words).subList(1, words.length)))
                    .toList();
        }

        /** The fixture in the venue's folder, or in another's when named with its folder (a variant's frames). */
        String path(Venue venue) {
            return fixture.contains("/") ? fixture : venue.name() + "/" + fixture;
        }

        boolean marks(String frame) {
            return markers.stream().allMatch(marker -> marker.startsWith("!") ? !frame.contains(marker.substring(1))
                    : frame.contains(marker));
        }
    }

    private List<String> capture(Venue venue, Predicate<WsClient> enough) throws InterruptedException {
        String btc = VenueHarness.symbol(venue, "BTC");
        try (WsClient client = WsClient.connect(simulator.endpoint(venue.name()), venue, btc)) {
            client.subscribe(venue);
            client.await("a live book", Duration.ofSeconds(15), c -> c.book(btc).state() == BookState.LIVE);
            // Steps go round every venue's book of every instrument: about a hundred for each, whatever they list.
            simulator.advance(100 * simulator.books());
            client.await("updates", Duration.ofSeconds(15), c -> c.book(btc).updates() > 50);
            clock.advance(Duration.ofSeconds(5)); // venues send heartbeats when nothing else is sent
            client.await("every kind of frame", Duration.ofSeconds(15), enough);
            return client.frames();
        }
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
