package dev.sweep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the end-to-end benchmark measures, checked briefly at a low rate, without judging the figures. */
@Timeout(120)
class EndToEndBenchTest {

    /**
     * The simulator runs in a JVM of its own at the rate asked, spread over its books (whether it keeps that pace is
     * {@code SimulatorTest}'s to check, on a clock the test moves), the feeds here follow every book it moves, and
     * Kraken's updates are timed on the clock both JVMs share: each reaches its book after its frame reached the
     * handler, and after the time it was due by less than the minute the histograms hold (two clocks that did not
     * agree would put it at 0 or at that minute, where values are capped).
     */
    @Test
    void theSimulatorInItsOwnJvmFeedsEveryBookAndKrakenUpdatesAreTimed() throws Exception {
        EndToEndBench.Result result = EndToEndBench.run(2_000, 1, 2);

        assertThat(result.notLive()).as("books not live").isEmpty();
        assertThat(result.ratePerBook()).as("updates/s per book").isEqualTo(2_000 / result.books());
        assertThat(result.stepsPerSecond()).as("updates/s made").isPositive();
        assertThat(result.toBook().getTotalCount()).as("Kraken updates timed").isPositive()
                .isEqualTo(result.toHandler().getTotalCount());
        assertThat(result.toBook().getValueAtPercentile(50)).as("p50 to the book, ns")
                .isGreaterThanOrEqualTo(result.toHandler().getValueAtPercentile(50))
                .isBetween(1L, 59_000_000_000L);
    }
}
