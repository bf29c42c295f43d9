package dev.sweep.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.sim.ManualClock;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.KeepAlive;
import dev.sweep.venue.Venue;
import dev.sweep.venue.testvenue.HeartbeatTestVenue;
import dev.sweep.venue.testvenue.JsonPingTestVenue;
import dev.sweep.venue.testvenue.TextPingTestVenue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The feed keeps a connection alive by each venue's rule (the test venues copy those of OKX, Bybit and Crypto.com and
 * drop a client that does not follow them): its book stays live long past the venue's deadline; and when the venue
 * drops a connection that did not keep alive, the feed resyncs and the book is live again. The simulator and the feed
 * share one clock that the test moves, so that the venues' real intervals (20 s, 30 s, 10 minutes) pass at once.
 */
@Timeout(120)
class KeepAliveFeedTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String LIVE = "SYNCING -> LIVE";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T12:00:00Z"));
    /** The test-only venues with a keep-alive rule, each named here: they are registered only in sweep-sim's tests. */
    private static final List<Venue> VENUES =
            List.of(new TextPingTestVenue(), new JsonPingTestVenue(), new HeartbeatTestVenue());

    private final Simulator simulator =
            Simulator.start(SimulatorConfig.defaults().withRate(0).withClock(clock), VENUES);
    private final AtomicLong framesReceived = new AtomicLong();
    private final List<String> changes = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        simulator.close();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
            "testtextping, 20, the venue closes a connection it sent nothing for 30 s",
            "testjsonping, 20, the venue closes a connection with neither pings nor data for 10 minutes",
            "testheartbeat, 5, the venue asks every 30 s and closes a connection that has not answered within 5 s"})
    void aFeedThatKeepsAliveStaysLiveLongPastTheVenuesDeadline(String name, int stepSeconds, String rule)
            throws InterruptedException {
        Venue venue = venue(name);
        try (FeedManager feeds = feed(venue)) {
            await("a live book", () -> changes.contains(LIVE));

            // Each step is one ping interval, or one heartbeat of the venue: every step brings a frame.
            Duration step = Duration.ofSeconds(stepSeconds);
            for (Duration passed = Duration.ZERO; passed.compareTo(Duration.ofMinutes(11)) < 0;
                 passed = passed.plus(step)) {
                long received = framesReceived.get();
                clock.advance(step);
                await("a frame after " + passed.plus(step), () -> framesReceived.get() > received);
            }

            BookView view = feeds.views(BTC_USD).get(0);
            assertThat(changes).as(rule).containsExactly(LIVE);
            assertThat(view.state()).isEqualTo(BookState.LIVE);
            assertThat(view.resyncs()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}: dropped after {1} s")
    @CsvSource({"testtextping, 31", "testjsonping, 601"})
    void aVenueDropsAFeedThatDoesNotPingAndTheFeedResyncs(String name, int quietSeconds)
            throws InterruptedException {
        try (FeedManager feeds = feed(withoutKeepAlive(venue(name)))) {
            await("a live book", () -> changes.contains(LIVE));

            clock.advance(Duration.ofSeconds(quietSeconds));

            assertDroppedThenLiveAgain(feeds);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource("testheartbeat")
    void aVenueDropsAFeedThatDoesNotAnswerItsHeartbeatRequestAndTheFeedResyncs(String name)
            throws InterruptedException {
        try (FeedManager feeds = feed(withoutKeepAlive(venue(name)))) {
            await("a live book", () -> changes.contains(LIVE));

            for (int step = 0; step < 10 && changes.size() == 1; step++) {
                long received = framesReceived.get();
                clock.advance(Duration.ofSeconds(5));
                await("a frame or a drop", () -> framesReceived.get() > received || changes.size() > 1);
            }

            assertDroppedThenLiveAgain(feeds);
        }
    }

    /**
     * The venue closed the connection, and the feed's next one is live. (A feed silent for longer than its venue's
     * silence timeout may also have called the book stale in between.)
     */
    private void assertDroppedThenLiveAgain(FeedManager feeds) throws InterruptedException {
        await("dropped, then live again", () -> changes.size() > 2 && changes.get(changes.size() - 1).equals(LIVE));
        assertThat(changes).startsWith(LIVE).endsWith(LIVE)
                .anySatisfy(change -> assertThat(change).startsWith("-> SYNCING (connection closed by the venue"));
        assertThat(feeds.views(BTC_USD).get(0).state()).isEqualTo(BookState.LIVE);
    }

    private static Venue venue(String name) {
        return VENUES.stream().filter(venue -> venue.name().equals(name)).findFirst().orElseThrow();
    }

    /** A feed of the venue's BTC-USD book on the shared clock, its frames counted and its changes of state kept. */
    private FeedManager feed(Venue venue) {
        FrameTap tap = (ignored, connection, receiveEpochNanos, buffer, offset, length) ->
                framesReceived.incrementAndGet();
        FeedManager feeds = new FeedManager(List.of(venue), Map.of(venue.name(), simulator.endpoint(venue.name())),
                List.of(BTC_USD), FeedSettings.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
                .withClock(clock::epochNanos), tap);
        feeds.addStateListener(change -> changes.add(describe(change)));
        return feeds.start();
    }

    /** The state changes, the reason kept only where it says why a connection ended. */
    private static String describe(BookStateChange change) {
        String transition = change.from() + " -> " + change.to();
        return change.to() == BookState.SYNCING ? "-> SYNCING (" + change.reason() + ")" : transition;
    }

    /** The venue as a client that ignores its keep-alive rule sees it: the same in all but a rule of none. */
    private static Venue withoutKeepAlive(Venue venue) {
        return new RedescribedVenue(venue, venue.descriptor().withKeepAlive(KeepAlive.NONE));
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s; changes: %s", what, changes).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }
}
