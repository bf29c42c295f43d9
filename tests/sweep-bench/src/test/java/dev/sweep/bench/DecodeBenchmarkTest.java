package dev.sweep.bench;

import static dev.sweep.venue.VenueHarness.sides;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.venue.Venues;
import java.lang.management.ManagementFactory;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the decode benchmark measures, checked without timing it: every venue, and books that stay exact. */
class DecodeBenchmarkTest {

    /** Cycles that warm the JIT up before any is measured, as the benchmark's warm-up iterations do. */
    private static final int WARM_CYCLES = 2;
    private static final int MEASURED_CYCLES = 2;

    @Test
    void everyRegisteredVenueIsMeasured() {
        assertThat(DecodeBenchmark.venues()).isEqualTo(Venues.names())
                .contains("kraken", "coinbase", "gemini", "binance", "okx", "bybit");
    }

    static Stream<String> venues() {
        return DecodeBenchmark.venues().stream();
    }

    /** The parse baselines read every frame whole: the cursor and Jackson's streaming parser count the same text. */
    @ParameterizedTest
    @MethodSource("venues")
    void theParseBaselinesReadTheSameFramesWhole(String venue) throws Exception {
        DecodeBenchmark benchmark = new DecodeBenchmark();
        benchmark.venue = venue;
        benchmark.setUp();
        long[] counted = new long[benchmark.cycleLength()];
        for (int frame = 0; frame < counted.length; frame++) {
            counted[frame] = benchmark.cursorWalkBaseline();
        }

        for (int frame = 0; frame < counted.length; frame++) {
            assertThat(benchmark.jacksonStreamingBaseline()).isPositive().isEqualTo(counted[frame]);
        }
    }

    /** Two cycles: the second starts on a new adapter, which a REST venue's splice must feed its snapshot. */
    @ParameterizedTest
    @MethodSource("venues")
    void eachCycleEndsWithTheBookEqualToTheTruth(String venue) {
        DecodeBenchmark benchmark = new DecodeBenchmark();
        benchmark.venue = venue;
        benchmark.setUp();

        for (int cycle = 0; cycle < 2; cycle++) {
            for (int frame = 0; frame < benchmark.cycleLength(); frame++) {
                benchmark.decodeAndApply();
            }

            assertThat(sides(benchmark.book())).isEqualTo(sides(benchmark.truth()));
        }
        assertThat(benchmark.decodeAndApply().get(0).state()).isEqualTo(BookState.LIVE);
        benchmark.tearDown();
    }

    /**
     * What the benchmark's B/op reads in steady state, a new connection every cycle included: under half a byte a
     * frame, which its table rounds to 0. A REST venue's new connection parses its snapshot into the books' staging
     * batch, grown once by the first connection, and its splice starts small.
     */
    @ParameterizedTest
    @MethodSource("venues")
    void aCycleAllocatesUnderHalfAByteAFrameItsNewConnectionIncluded(String venue) {
        DecodeBenchmark benchmark = new DecodeBenchmark();
        benchmark.venue = venue;
        benchmark.setUp();
        int frames = benchmark.cycleLength();
        for (int i = 0; i < WARM_CYCLES * frames; i++) {
            benchmark.decodeAndApply();
        }

        long before = allocatedBytes();
        for (int i = 0; i < MEASURED_CYCLES * frames; i++) {
            benchmark.decodeAndApply();
        }
        double perFrame = (double) (allocatedBytes() - before) / (MEASURED_CYCLES * frames);

        assertThat(perFrame).as("bytes allocated per frame over %d cycles of %d frames", MEASURED_CYCLES, frames)
                .isLessThan(0.5);
        benchmark.tearDown();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
