package dev.sweep.venue.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.venue.BookListener;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MinuteTimesTest {

    /** Whatever minute it keeps, every timestamp reads as {@link VenueTimes} reads it whole. */
    @Property(tries = 500)
    void everyTimeReadsAsTheWholeReadingDoes(@ForAll("timestamps") @Size(max = 30) List<String> timestamps) {
        MinuteTimes times = new MinuteTimes();

        for (String timestamp : timestamps) {
            assertThat(read(times, timestamp)).as(timestamp).isEqualTo(whole(timestamp));
        }
    }

    /**
     * A string read without looking for its end first reads as the whole reading does, ends where the string does, and
     * is read so only when it is of the kept minute; any other is left to {@link MinuteTimes#read}.
     */
    @Property(tries = 500)
    void aTimeOfTheKeptMinuteReadsAsTheWholeReadingDoes(@ForAll("timestamps") @Size(max = 30) List<String> timestamps) {
        MinuteTimes times = new MinuteTimes();

        for (String timestamp : timestamps) {
            byte[] frame = ("  \"" + timestamp + "\"  ").getBytes(StandardCharsets.US_ASCII);
            if (times.readKept(frame, 2, frame.length)) {
                assertThat(times.keptNanos()).as(timestamp).isEqualTo(whole(timestamp));
                assertThat(times.keptClose()).as(timestamp).isEqualTo(frame.length - 3);
            } else {
                assertThat(times.read(frame, 2, frame.length - 3)).as(timestamp).isEqualTo(whole(timestamp));
            }
        }
    }

    @Test
    void theNextTimeOfAMinuteReadIsReadWithoutLookingForItsEnd() {
        MinuteTimes times = new MinuteTimes();
        read(times, "2026-11-27T12:00:01.5Z");
        byte[] frame = "\"2026-11-27T12:00:02.123456Z\"}]}".getBytes(StandardCharsets.US_ASCII);

        assertThat(times.readKept(frame, 0, frame.length)).isTrue();
        assertThat(times.keptNanos()).isEqualTo(whole("2026-11-27T12:00:02.123456Z"));
        assertThat(times.keptClose()).isEqualTo(28);
        assertThat(times.readKept(frame, 0, 28)).isFalse();
    }

    /** Near 2262, where nanoseconds since 1970 leave a long, a kept minute never takes a second a long cannot hold. */
    @Test
    void theLastMinutesALongHoldsReadAsTheWholeReadingDoes() {
        MinuteTimes times = new MinuteTimes();
        List<String> timestamps = List.of("2262-04-11T23:46:00Z", "2262-04-11T23:46:59.999999999Z",
                "2262-04-11T23:47:15Z", "2262-04-11T23:47:15.5Z", "2262-04-11T23:47:16Z", "2262-04-11T23:47:59Z");
        List<Long> read = new ArrayList<>();
        List<Long> whole = new ArrayList<>();
        for (String timestamp : timestamps) {
            read.add(read(times, timestamp));
            whole.add(whole(timestamp));
        }

        assertThat(read).isEqualTo(whole);
        assertThat(whole.get(4)).isEqualTo(VenueTimes.INVALID).isEqualTo(BookListener.NONE);
    }

    @Provide
    Arbitrary<List<String>> timestamps() {
        Arbitrary<String> minutes = Arbitraries.of("2026-11-27T12:00:", "2026-11-27T12:01:", "2026-11-28T12:00:",
                // Differs from the first only in the day's tens digit, which the word-wise compare must not skip.
                "2026-11-17T12:00:",
                "2024-02-29T23:59:", "2023-02-29T00:00:", "1970-01-01T00:00:", "2262-04-11T23:46:", "2262-04-11T23:47:",
                "2026-11-27T24:00:");
        Arbitrary<String> seconds = Arbitraries.integers().between(0, 61).map(second -> String.format("%02d", second));
        Arbitrary<String> fractions = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(10)
                .map(digits -> digits.isEmpty() ? "" : "." + digits);
        Arbitrary<String> ends = Arbitraries.of("Z", "Z", "Z", "+01:00", "-00:30", "z", "", "ZZ", ".Z");
        return Combinators.combine(minutes, seconds, fractions, ends).as((minute, second, fraction, end) ->
                minute + second + fraction + end).list();
    }

    private static long read(MinuteTimes times, String timestamp) {
        byte[] frame = ("  \"" + timestamp + "\"  ").getBytes(StandardCharsets.US_ASCII);
        return times.read(frame, 2, frame.length - 3);
    }

    private static long whole(String timestamp) {
        return VenueTimes.isoNanos(timestamp);
    }
}
