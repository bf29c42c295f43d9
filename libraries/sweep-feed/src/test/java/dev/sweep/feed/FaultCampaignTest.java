package dev.sweep.feed;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random faults on every venue for a bounded time, with the invariant checked again and again: when the market
 * pauses, every live book converges to the simulator's truth, exactly, within a bounded time. A live book that
 * stayed wrong would never converge (nothing changes while paused) and is counted as a divergence.
 *
 * <p>The faults are the ones TCP lets happen: dropped connections, corrupted checksums, malformed frames, stalls,
 * oversized frames. A lost frame inside a healthy connection ({@link Fault#GAP}) cannot happen over TCP; detecting
 * it is tested on its own where the protocol allows (Coinbase's sequence, Kraken's top-10 checksum).
 *
 * <p>Length: {@code -Dsweep.campaign.seconds=N} (default 30, well under a minute in {@code verify}).
 */
@Timeout(180)
class FaultCampaignTest {

    private static final List<Instrument> INSTRUMENTS = List.of(Instrument.of("BTC-USD"), Instrument.of("ETH-USD"));
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(20);

    @Test
    void everyLiveBookConvergesToTheTruthWhateverTheFaults() throws InterruptedException {
        long seconds = Long.getLong("sweep.campaign.seconds", 30);
        FaultPlan faults = FaultPlan.parse("drop=0.001,checksum=0.002,malformed=0.001,stall=0.0003,oversized=0.0003");
        SplittableRandom random = new SplittableRandom(7);
        long rounds = 0;
        long divergences = 0;
        long maxRecoveryMillis = 0;
        List<String> diverged = new ArrayList<>();
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults().withRate(200).withFaults(faults));
             FeedManager feeds = new FeedManager(Venues.all(), FeedManagerTest.endpoints(simulator), INSTRUMENTS,
                     FeedSettings.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(500))).start()) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                TimeUnit.MILLISECONDS.sleep(500 + random.nextInt(1500));
                simulator.pause();
                long paused = System.nanoTime();
                for (Instrument instrument : INSTRUMENTS) {
                    for (Venue venue : Venues.all()) {
                        if (!converges(feeds, simulator, venue.name(), instrument, paused)) {
                            divergences++;
                            diverged.add(venue.name() + " " + instrument + " in round " + rounds);
                        }
                    }
                }
                maxRecoveryMillis = Math.max(maxRecoveryMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - paused));
                simulator.resume();
                rounds++;
            }
            long resyncs = 0;
            for (Instrument instrument : INSTRUMENTS) {
                for (BookView view : feeds.views(instrument)) {
                    resyncs += view.resyncs();
                }
            }
            Map<Fault, Long> injected = simulator.faultsInjected();
            long totalFaults = injected.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("fault campaign: %d s, %d rounds, %d faults injected %s, %d book resyncs, max time to"
                            + " recover %d ms, %d divergences%n", seconds, rounds, totalFaults, injected, resyncs,
                    maxRecoveryMillis, divergences);

            assertThat(diverged).as("books that never matched the truth").isEmpty();
            assertThat(totalFaults).as("faults injected").isPositive();
            assertThat(resyncs).as("resyncs").isPositive();
        }
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
