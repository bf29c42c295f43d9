package dev.sweep.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.Instrument;
import dev.sweep.feed.FeedManager;
import dev.sweep.feed.FeedSettings;
import dev.sweep.feed.FrameTap;
import dev.sweep.sim.SimClock;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.Venue;
import dev.sweep.venue.Venues;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The venue's own sequence and time reach the published events (FORMAT.md, "venueSeq and venueNanos per venue"): every
 * venue of the simulator followed at once, its events decoded as a reader would. The simulator's clock runs a day ahead
 * of the publisher's, so that a venue time cannot pass for a receive time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VenueStampsTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final Instrument BTC_USDT = Instrument.of("BTC-USDT");
    private static final long AHEAD = Duration.ofDays(1).toNanos();
    /** The DELTAs each venue's book publishes before the events are judged. */
    private static final int DELTAS = 30;
    /** A venue's time may read a little after the receive time: both clocks are the wall clock read at their start. */
    private static final long CLOCK_SKEW = Duration.ofMillis(50).toNanos();
    /** Far longer than a frame takes on loopback, even on a loaded machine. */
    private static final long TRANSIT = Duration.ofSeconds(5).toNanos();

    private static final List<String> VENUES = List.of("kraken", "coinbase", "gemini", "binance", "okx", "bybit");
    private static final ConcurrentLinkedQueue<BookEvent> EVENTS = new ConcurrentLinkedQueue<>();
    private static Simulator simulator;
    private static FeedManager feeds;

    @BeforeAll
    static void publish() throws InterruptedException {
        SimClock system = SimClock.system();
        simulator = Simulator.start(SimulatorConfig.defaults().withRate(100)
                .withClock(() -> system.epochNanos() + AHEAD));
        List<Venue> venues = VENUES.stream().map(name -> Venues.byName(name).orElseThrow()).toList();
        Map<String, URI> endpoints = new HashMap<>();
        Map<String, URI> restEndpoints = new HashMap<>();
        Map<String, List<Instrument>> instruments = new HashMap<>();
        for (Venue venue : venues) {
            endpoints.put(venue.name(), simulator.endpoint(venue.name()));
            venue.restSnapshots().ifPresent(rest -> restEndpoints.put(venue.name(),
                    simulator.restEndpoint(venue.name())));
            instruments.put(venue.name(), List.of(venue.lists(BTC_USD) ? BTC_USD : BTC_USDT));
        }
        KafkaSettings settings = KafkaSettings.of("127.0.0.1:9").withSnapshots(10, Duration.ofDays(1))
                .withHeartbeatInterval(Duration.ofDays(1));
        BookPublisher publisher = new BookPublisher(settings, (key, event, length, toSnapshots, lost) ->
                EVENTS.add(BookEventCodec.decode(Arrays.copyOf(event, length))), System::nanoTime);
        feeds = new FeedManager(venues, endpoints, restEndpoints, instruments, FeedSettings.defaults(), FrameTap.NONE)
                .attach(publisher::listenerFor).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (venues.stream().anyMatch(venue -> deltas(venue.name()).size() < DELTAS)
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() {
        feeds.close();
        simulator.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"coinbase", "binance", "okx", "bybit"})
    void aVenueThatNumbersItsMessagesPublishesTheirNumbersRising(String venue) {
        List<BookEvent> deltas = deltas(venue);

        assertThat(deltas).hasSizeGreaterThanOrEqualTo(DELTAS);
        assertThat(deltas).extracting(BookEvent::venueSeq).allSatisfy(seq -> assertThat(seq).isNotNegative())
                .isSorted().doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kraken", "gemini"})
    void aVenueThatNumbersNoMessagePublishesNone(String venue) {
        assertThat(deltas(venue)).hasSizeGreaterThanOrEqualTo(DELTAS).extracting(BookEvent::venueSeq)
                .containsOnly(BookEvent.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kraken", "coinbase", "binance", "okx", "bybit"})
    void aVenueThatTimesItsMessagesPublishesTheSimulatorsTime(String venue) {
        List<BookEvent> deltas = deltas(venue);

        assertThat(deltas).hasSizeGreaterThanOrEqualTo(DELTAS).allSatisfy(delta -> assertThat(delta.venueNanos())
                .isBetween(delta.receiveNanos() + AHEAD - TRANSIT, delta.receiveNanos() + AHEAD + CLOCK_SKEW));
        assertThat(deltas).extracting(BookEvent::venueNanos).isSorted();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini"})
    void aVenueThatTimesNoMessagePublishesNoTime(String venue) {
        assertThat(deltas(venue)).hasSizeGreaterThanOrEqualTo(DELTAS).extracting(BookEvent::venueNanos)
                .containsOnly(BookEvent.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"coinbase", "binance", "okx", "bybit"})
    void aBooksSnapshotCarriesTheVenuesNumberForIt(String venue) {
        BookEvent first = firstSnapshot(venue);

        assertThat(first.venueSeq()).isNotNegative().isLessThan(deltas(venue).get(0).venueSeq());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kraken", "coinbase", "okx", "bybit"})
    void aBooksSnapshotCarriesTheVenuesTimeForIt(String venue) {
        BookEvent first = firstSnapshot(venue);

        assertThat(first.venueNanos()).isBetween(first.receiveNanos() + AHEAD - TRANSIT,
                first.receiveNanos() + AHEAD + CLOCK_SKEW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "binance"})
    void aSnapshotWithoutATimePublishesNone(String venue) {
        assertThat(firstSnapshot(venue).venueNanos()).isEqualTo(BookEvent.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kraken", "coinbase", "gemini", "binance", "okx", "bybit"})
    void aSnapshotWithinAnEpochCarriesTheStampsOfTheDeltaBeforeIt(String venue) {
        List<BookEvent> events = EVENTS.stream().filter(event -> event.venue().equals(venue)
                && event.type() != BookEvent.Type.STATE).toList();
        List<BookEvent[]> pairs = new ArrayList<>();
        for (int i = 1; i < events.size(); i++) {
            BookEvent previous = events.get(i - 1);
            BookEvent event = events.get(i);
            if (event.type() == BookEvent.Type.SNAPSHOT && event.epoch() == previous.epoch()) {
                pairs.add(new BookEvent[] {previous, event});
            }
        }

        assertThat(pairs).isNotEmpty().allSatisfy(pair -> {
            assertThat(pair[1].venueSeq()).isEqualTo(pair[0].venueSeq());
            assertThat(pair[1].venueNanos()).isEqualTo(pair[0].venueNanos());
        });
    }

    /** The SNAPSHOT that opened the epoch of the venue's DELTAs ({@link #deltas}). */
    private static BookEvent firstSnapshot(String venue) {
        long epoch = deltas(venue).get(0).epoch();
        return EVENTS.stream().filter(event -> event.venue().equals(venue) && event.epoch() == epoch && event.seq() == 1)
                .findFirst().orElseThrow();
    }

    /** The venue's DELTAs, in the order they were published, of its one book's last epoch. */
    private static List<BookEvent> deltas(String venue) {
        List<BookEvent> deltas = EVENTS.stream().filter(event -> event.venue().equals(venue)
                && event.type() == BookEvent.Type.DELTA).toList();
        long epoch = deltas.isEmpty() ? 0 : deltas.get(deltas.size() - 1).epoch();
        return deltas.stream().filter(delta -> delta.epoch() == epoch).toList();
    }
}
