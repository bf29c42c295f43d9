package dev.sweep.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.venue.FeedEvents;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueHarness;
import dev.sweep.venue.Venues;
import dev.sweep.venue.kraken.KrakenVenue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real WebSocket clients against the simulator on loopback, decoding with Sweep's own adapters. */
@Timeout(60)
class SimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Instrument BTC_USD = Instrument.of("BTC-USD");

    private final Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(200));

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void krakenServesTheRequestedDepthAndItsChecksums() throws InterruptedException {
        KrakenVenue venue = new KrakenVenue(10);
        try (WsClient client = WsClient.connect(simulator.endpoint("kraken"), venue, "BTC-USD")) {
            client.subscribe(venue);
            client.await("live", WAIT, c -> c.book("BTC-USD").state() == BookState.LIVE);
            long updatesBefore = client.book("BTC-USD").updates();
            client.await("updates", WAIT, c -> c.book("BTC-USD").updates() > updatesBefore + 20);
            simulator.pause();
            OrderBook truth = simulator.truth("kraken", BTC_USD);
            truth.truncate(10);
            client.await("the top 10 of the truth", WAIT, c -> c.bookEquals("BTC-USD", truth));
            assertThat(client.book("BTC-USD").book().bids().depth()).isEqualTo(10);
            assertThat(client.events()).doesNotHaveAnyElementsOfTypes(FeedEvents.Broken.class);
        }
    }

    /**
     * Hours at the highest rate, when elapsed nanoseconds times books per second is far beyond a long: the market
     * still keeps its pace, to the step (each book at a million updates a second: a thousand steps a millisecond).
     */
    @Test
    void theMarketKeepsItsPaceOnLongRuns() throws InterruptedException {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-27T12:00:00Z"));
        try (Simulator fast = Simulator.start(SimulatorConfig.defaults().withRate(1_000_000).withClock(clock))) {
            clock.advance(Duration.ofHours(2));
            awaitSteps(fast, 1);
            long afterTwoHours = fast.marketSteps();

            long stepsPerMillisecond = 1_000L * fast.books();
            clock.advance(Duration.ofMillis(1));
            awaitSteps(fast, afterTwoHours + stepsPerMillisecond);

            assertThat(fast.marketSteps() - afterTwoHours).isEqualTo(stepsPerMillisecond);
        }
    }

    /**
     * An update carries the time its step was due, not the time the loop sent it: the clock jumps a millisecond at
     * once, the loop makes that millisecond's steps in one go, and Kraken's BTC-USD updates are still timed 10 µs
     * apart (or a multiple, where a step changed nothing in the top 10), as 100,000 updates a second per book say.
     * A client measuring from these times counts the simulator's lateness too.
     */
    @Test
    void anUpdateCarriesTheTimeItsStepWasDue() throws InterruptedException {
        Instant start = Instant.parse("2026-11-27T12:00:00Z");
        ManualClock clock = new ManualClock(start);
        KrakenVenue venue = new KrakenVenue(10);
        try (Simulator paced = Simulator.start(SimulatorConfig.defaults().withRate(100_000).withClock(clock));
             WsClient client = WsClient.connect(paced.endpoint("kraken"), venue, "BTC-USD")) {
            client.subscribe(venue);
            client.await("live", WAIT, c -> c.book("BTC-USD").state() == BookState.LIVE);
            int framesBefore = client.frames().size();

            clock.advance(Duration.ofMillis(1));
            awaitSteps(paced, 100L * paced.books());
            OrderBook truth = paced.truth("kraken", BTC_USD);
            truth.truncate(10);
            client.await("the top 10 of the truth", WAIT, c -> c.bookEquals("BTC-USD", truth));

            List<Long> micros = client.frames().subList(framesBefore, client.frames().size()).stream()
                    .filter(frame -> frame.contains("\"type\":\"update\""))
                    .map(frame -> ChronoUnit.MICROS.between(start, Instant.parse(
                            frame.replaceFirst(".*\"timestamp\":\"([^\"]+)\".*", "$1"))))
                    .toList();
            assertThat(micros).hasSizeGreaterThan(10).doesNotHaveDuplicates().isSorted()
                    .allSatisfy(time -> assertThat(time).isBetween(0L, 1_000L));
            assertThat(micros.stream().map(time -> (time - micros.get(0)) % 10).distinct().toList())
                    .as("µs past a multiple of 10 µs after the first").containsExactly(0L);
        }
    }

    /**
     * The flush probe is told of every update's frame once it is flushed, with the time its step was due (the time
     * the frame carries) and the times it was written and flushed: here all at the moment the clock jumped to, when
     * the loop made that millisecond's steps at once. Frames that are not updates (the snapshot) are not timed.
     */
    @Test
    void theFlushProbeTimesEachUpdatesFrameFromItsDueTime() throws InterruptedException {
        Instant start = Instant.parse("2026-11-27T12:00:00Z");
        ManualClock clock = new ManualClock(start);
        List<Flush> flushes = Collections.synchronizedList(new ArrayList<>());
        KrakenVenue venue = new KrakenVenue(10);
        try (Simulator paced = Simulator.start(SimulatorConfig.defaults().withRate(100_000).withClock(clock)
                .withFlushes((name, due, written, flushed) -> flushes.add(new Flush(name, due, written, flushed))));
             WsClient client = WsClient.connect(paced.endpoint("kraken"), venue, "BTC-USD")) {
            client.subscribe(venue);
            client.await("live", WAIT, c -> c.book("BTC-USD").state() == BookState.LIVE);
            int framesBefore = client.frames().size();
            int flushesBefore = flushes.size();

            clock.advance(Duration.ofMillis(1));
            awaitSteps(paced, 100L * paced.books());
            int flushed = flushes.size() - flushesBefore;
            client.await("every update flushed", WAIT, c -> updates(c, framesBefore).size() == flushed);

            long startNanos = start.getEpochSecond() * 1_000_000_000L;
            long jumpedTo = startNanos + Duration.ofMillis(1).toNanos();
            List<Long> framesDue = updates(client, framesBefore).stream()
                    .map(frame -> ChronoUnit.MICROS.between(start, Instant.parse(
                            frame.replaceFirst(".*\"timestamp\":\"([^\"]+)\".*", "$1"))))
                    .toList();
            List<Flush> timed = List.copyOf(flushes.subList(flushesBefore, flushes.size()));
            assertThat(flushesBefore).as("frames timed before the market moved").isZero();
            assertThat(timed.stream().map(flush -> (flush.dueNanos() - startNanos) / 1_000).toList())
                    .as("due times, µs").isEqualTo(framesDue);
            assertThat(timed).allSatisfy(flush -> assertThat(flush)
                    .isEqualTo(new Flush("kraken", flush.dueNanos(), jumpedTo, jumpedTo)));
        }
    }

    private static List<String> updates(WsClient client, int framesBefore) {
        return client.frames().subList(framesBefore, client.frames().size()).stream()
                .filter(frame -> frame.contains("\"type\":\"update\"")).toList();
    }

    /** What the flush probe was told of one frame. */
    private record Flush(String venue, long dueNanos, long writtenNanos, long flushedNanos) {
    }

    /** Waits for the market to have made {@code steps} steps and for the tick that made them to end. */
    private static void awaitSteps(Simulator simulator, long steps) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (simulator.marketSteps() < steps && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(1);
        }
        simulator.clients(); // runs on the simulator's thread: returns once the current tick is over
        assertThat(simulator.marketSteps()).as("market steps").isGreaterThanOrEqualTo(steps);
    }

    @Test
    void aSeedAlwaysYieldsTheSameMarket() {
        SimulatorConfig config = SimulatorConfig.defaults().withRate(0).withSeed(42);
        try (Simulator first = Simulator.start(config); Simulator second = Simulator.start(config)) {
            first.advance(5_000);
            second.advance(5_000);
            for (Venue listing : Venues.all()) {
                String venue = listing.name();
                Instrument btc = Instrument.of(VenueHarness.symbol(listing, "BTC"));
                assertThat(VenueHarness.sameLevels(first.truth(venue, btc), second.truth(venue, btc)))
                        .as(venue).isTrue();
                assertThat(first.truth(venue, btc).isCrossed()).as(venue).isFalse();
            }
        }
    }

    @Test
    void venuesDifferSoThatASplitIsInteresting() {
        OrderBook kraken = simulator.truth("kraken", BTC_USD);
        OrderBook coinbase = simulator.truth("coinbase", BTC_USD);
        OrderBook gemini = simulator.truth("gemini", BTC_USD);
        assertThat(coinbase.bids().depth()).isGreaterThan(gemini.bids().depth());
        assertThat(gemini.bestAsk() - gemini.bestBid()).isGreaterThan(coinbase.bestAsk() - coinbase.bestBid());
        assertThat(kraken.bestBid()).isNotEqualTo(coinbase.bestBid());
    }
}
