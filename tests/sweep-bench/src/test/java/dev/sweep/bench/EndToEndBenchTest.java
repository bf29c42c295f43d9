package dev.sweep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.HdrHistogram.Histogram;
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
     * agree would put it at 0 or at that minute, where values are capped). The simulator's JVM times the same venue's
     * updates to their frames written and flushed, on the same clock: every update flushed was written first.
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
        assertThat(result.toFlushed().getTotalCount()).as("Kraken updates flushed by the simulator").isPositive()
                .isEqualTo(result.toWritten().getTotalCount());
        assertThat(result.toFlushed().getValueAtPercentile(50)).as("p50 to the simulator's flush, ns")
                .isGreaterThanOrEqualTo(result.toWritten().getValueAtPercentile(50))
                .isBetween(1L, 59_000_000_000L);
    }

    /** A run in which the simulator made fewer updates than scheduled says so, before its latencies. */
    @Test
    void aRunInWhichTheSimulatorFellShortOfItsScheduleSaysSo() {
        EndToEndBench.Result result = result(25_120);

        assertThat(result.fellShort()).as("fell short").isTrue();
        assertThat(result.describe().lines().toList()).element(1).isEqualTo("  the simulator fell short of the rate"
                + " asked: the latencies below are mostly its own lateness, which grew all through the run");
        assertThat(result.describe()).contains("25,120 updates/s made (50.3 % of the 49,980 scheduled)");
    }

    /** A run within 1 % of its schedule reports the rate made and nothing more. */
    @Test
    void aRunThatKeptItsScheduleSaysNothingOfAShortfall() {
        EndToEndBench.Result result = result(49_600);

        assertThat(result.fellShort()).as("fell short").isFalse();
        assertThat(result.describe()).doesNotContain("fell short")
                .contains("49,600 updates/s made (99.2 % of the 49,980 scheduled)");
    }

    /** 50,000 updates/s asked of 21 books: 2,380 a book, 49,980 scheduled. */
    private static EndToEndBench.Result result(double made) {
        Histogram latencies = new Histogram(3);
        latencies.recordValue(50_000);
        JvmCosts costs = new JvmCosts(8_000_000_000L, 1, 5);
        return new EndToEndBench.Result(50_000, 21, 2_380, 8, made, made, made, 0, List.of(), latencies, latencies,
                latencies, latencies, costs, costs);
    }
}
