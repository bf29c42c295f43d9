package dev.sweep.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.sim.Fault;
import dev.sweep.sim.FaultPlan;
import dev.sweep.sim.Simulator;
import dev.sweep.sim.SimulatorConfig;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueHarness;
import dev.sweep.venue.Venues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Random faults on every venue for a bounded time, with the invariant checked again and again: when the market
 * pauses, every live book converges to the simulator's truth, exactly, within a bounded time. A live book that
 * stayed wrong would never converge (nothing changes while paused) and is counted as a divergence.
 *
 * <p>The faults are the ones TCP lets happen: dropped connections, corrupted checksums, malformed frames, stalls,
 * oversized frames. A lost frame inside a healthy connection ({@link Fault#GAP}) cannot happen over TCP; detecting
 * it is tested on its own where the protocol allows (Coinbase's sequence, Kraken's top-10 checksum).
 *
 * <p>The rate is high on purpose, at least 17 faults a second across the three venues (checked), so that a soak
 * means something: a ten-minute one injects over 10,000. Each fault costs the connection a resync, so the rate is
 * bounded by how fast a connection comes back; that is why reconnects here wait milliseconds, not the default
 * backoff.
 *
 * <p>Length: {@code -Dsweep.campaign.seconds=N} (default 30, well under a minute in {@code verify}); the test's time
 * limit follows it. The printed line gives faults by kind, resyncs, the longest recovery and the divergences.
 */
class FaultCampaignTest {

    private static final long SECONDS = Long.getLong("sweep.campaign.seconds", 30);
    private static final List<Instrument> INSTRUMENTS = List.of(Instrument.of("BTC-USD"), Instrument.of("ETH-USD"));
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(20);
    /** Past the campaign's length: the round under way when it ends (at most the recovery bound), and start-up. */
    private static final Duration OVERRUN = RECOVERY_BOUND.plusSeconds(60);
    /**
     * Per update sent: mostly the cheap faults, each ending in a resync; stalls (8 s of silence) and 17 MiB frames
     * rarely, because each holds a connection, or the simulator's one thread, for long.
     */
    private static final FaultPlan FAULTS =
            FaultPlan.parse("drop=0.05,checksum=0.08,malformed=0.05,stall=0.0003,oversized=0.0005");

    /** What the soak promises (README): 10,000 faults in ten minutes. About 30 a second on a loaded 2-core machine. */
    private static final double MIN_FAULTS_PER_SECOND = 17;

    @Test
    void everyLiveBookConvergesToTheTruthWhateverTheFaults() {
        assertTimeoutPreemptively(Duration.ofSeconds(SECONDS).plus(OVERRUN), FaultCampaignTest::campaign);
    }

    private static void campaign() throws InterruptedException {
        SplittableRandom random = new SplittableRandom(7);
        long rounds = 0;
        long maxRecoveryMillis = 0;
        List<String> diverged = new ArrayList<>();
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(200).withFaults(FAULTS));
             FeedManager feeds = new FeedManager(Venues.all(), FeedManagerTest.endpoints(simulator), INSTRUMENTS,
                     FeedSettings.defaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(500))).start()) {
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(SECONDS);
            while (System.nanoTime() < end) {
                TimeUnit.MILLISECONDS.sleep(3000 + random.nextInt(2000));
                simulator.pause();
                long paused = System.nanoTime();
                for (Instrument instrument : INSTRUMENTS) {
                    for (Venue venue : FeedManagerTest.listing(instrument)) {
                        if (!converges(feeds, simulator, venue.name(), instrument, paused)) {
                            diverged.add(venue.name() + " " + instrument + " in round " + rounds);
                        }
                    }
                }
                maxRecoveryMillis = Math.max(maxRecoveryMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - paused));
                simulator.resume();
                rounds++;
            }
            double elapsedSeconds = (System.nanoTime() - start) / 1e9;
            long resyncs = 0;
            for (Instrument instrument : INSTRUMENTS) {
                for (BookView view : feeds.views(instrument)) {
                    resyncs += view.resyncs();
                }
            }
            Map<Fault, Long> injected = simulator.faultsInjected();
            long totalFaults = injected.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("fault campaign: %.0f s, %d rounds, %d faults (%.1f/s): %s; %d book resyncs; longest"
                            + " recovery %d ms; %d divergences%n", elapsedSeconds, rounds, totalFaults,
                    totalFaults / elapsedSeconds, byKind(injected), resyncs, maxRecoveryMillis, diverged.size());

            assertThat(diverged).as("books that never matched the truth").isEmpty();
            assertThat(totalFaults / elapsedSeconds).as("faults per second")
                    .isGreaterThanOrEqualTo(MIN_FAULTS_PER_SECOND);
            assertThat(resyncs).as("resyncs").isPositive();
        }
    }

    /** "drop 120, checksum 240, …": the faults the campaign uses, in the order of {@link Fault}. */
    private static String byKind(Map<Fault, Long> injected) {
        return injected.entrySet().stream().filter(entry -> entry.getKey() != Fault.GAP)
                .map(entry -> entry.getKey().label() + " " + entry.getValue()).collect(Collectors.joining(", "));
    }

    /** Whether the venue's book is live and equal to the truth before the recovery bound passes. */
    private static boolean converges(FeedManager feeds, Simulator simulator, String venue, Instrument instrument,
                                     long since) throws InterruptedException {
        OrderBook truth = simulator.truth(venue, instrument);
        while (System.nanoTime() - since < RECOVERY_BOUND.toNanos()) {
            BookView view = feeds.views(instrument).stream().filter(v -> v.venue().equals(venue)).findFirst()
                    .orElseThrow();
            if (view.isLive() && VenueHarness.sameLevels(view.book(), truth)) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return false;
    }
}
