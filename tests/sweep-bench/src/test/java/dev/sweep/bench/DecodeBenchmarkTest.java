package dev.sweep.bench;

import static dev.sweep.venue.VenueHarness.sides;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.BookState;
import dev.sweep.venue.Venues;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the decode benchmark measures, checked without timing it: every venue, and books that stay exact. */
class DecodeBenchmarkTest {

    @Test
    void everyRegisteredVenueIsMeasured() {
        assertThat(DecodeBenchmark.venues()).isEqualTo(Venues.names())
                .contains("kraken", "coinbase", "gemini", "binance", "okx", "bybit");
    }

    static Stream<String> venues() {
        return DecodeBenchmark.venues().stream();
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
}
