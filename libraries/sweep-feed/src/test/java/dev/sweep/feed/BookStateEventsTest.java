package dev.sweep.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.Instrument;
import dev.sweep.sim.Fault;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.Venues;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A book's changes of state over a real connection to the simulator, as the feed tells them: one event per change,
 * with its cause and reason, for a normal start, a sequence gap and the resync after it, a dropped connection, a stall,
 * and a refused subscription. Numbers in reasons read {@code N}.
 */
@Timeout(90)
class BookStateEventsTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LIVE = "SYNCING -> LIVE SNAPSHOT (N bids, N asks)";

    private final Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(100));
    private final List<String> changes = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aNormalStartIsOneChangeToLiveAndTheWaitIsToldOfIt() throws InterruptedException {
        List<String> told = new CopyOnWriteArrayList<>();
        try (FeedManager feeds = coinbase(BTC_USD)) {
            feeds.awaitLive(BTC_USD, WAIT, new WaitProgress() {
                @Override
                public void onStart(List<BookView> views) {
                    views.forEach(view -> told.add("start " + view.state()));
                }

                @Override
                public void onChange(BookStateChange change) {
                    told.add(describe(change));
                }
            });
            long updates = feeds.views(BTC_USD).get(0).updates();
            awaitUpdates(feeds, updates + 100);
        }

        assertThat(changes).containsExactly(LIVE);
        assertThat(told).isIn(List.of("start LIVE"), List.of("start SYNCING", LIVE));
    }

    /** A fault after the book went live, and the changes it brings. */
    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(Fault.GAP, List.of(LIVE,
                        "LIVE -> BROKEN SEQUENCE_GAP (sequence gap: expected N, got N)",
                        "BROKEN -> SYNCING RESYNC (connection replaced: BTC-USD is BROKEN)",
                        LIVE)),
                Arguments.of(Fault.DROP, List.of(LIVE,
                        "LIVE -> SYNCING DISCONNECT (connection closed by the venue (N Bye))",
                        LIVE)),
                Arguments.of(Fault.STALL, List.of(LIVE,
                        "LIVE -> STALE STALL (silent for N ms)",
                        "STALE -> LIVE RESUMED (frames again)")));
    }

    /**
     * A sequence gap breaks the book and the resync makes it live again, as a new connection does after a dropped one;
     * a stall makes it stale until frames come.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aFaultIsTheChangesItBrings(Fault fault, List<String> expected) throws InterruptedException {
        try (FeedManager feeds = coinbase(BTC_USD)) {
            awaitChanges(1);
            simulator.inject("coinbase", fault);
            awaitChanges(expected.size());
        }

        assertThat(changes).isEqualTo(expected);
    }

    @Test
    void aRefusedSubscriptionIsOneChangeToRejected() throws InterruptedException {
        try (FeedManager feeds = coinbase(Instrument.of("DOGE-USD"))) {
            awaitChanges(1);
        }

        assertThat(changes).containsExactly("SYNCING -> REJECTED REFUSED (Failed to subscribe: unknown product id DOGE-USD)");
    }

    /** A feed of Coinbase's book of the instrument, whose changes of state go to {@link #changes}. */
    private FeedManager coinbase(Instrument instrument) {
        FeedManager feeds = new FeedManager(List.of(Venues.byName("coinbase").orElseThrow()),
                Map.of("coinbase", simulator.endpoint("coinbase")), List.of(instrument),
                FeedSettings.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(200)));
        feeds.addStateListener(change -> changes.add(describe(change)));
        return feeds.start();
    }

    private static String describe(BookStateChange change) {
        return change.from() + " -> " + change.to() + " " + change.cause() + " (" + change.reason().replaceAll("\\d+", "N") + ")";
    }

    private void awaitChanges(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (changes.size() < count) {
            assertThat(System.nanoTime()).as("%d changes of state; so far %s", count, changes).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    private static void awaitUpdates(FeedManager feeds, long updates) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (feeds.views(BTC_USD).get(0).updates() < updates) {
            assertThat(System.nanoTime()).as("%d updates", updates).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
