package dev.sweep.venue.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VenueTimesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "2023-02-09T20:32:50.714964855Z", // Coinbase Advanced Trade's l2_data, nanoseconds
            "2023-10-06T17:35:55.440295Z", // Kraken v2's book update, microseconds
            "1985-04-12T23:20:50.52Z", // RFC 3339, 5.8
            "1996-12-19T16:39:57-08:00", // RFC 3339, 5.8: an offset west of UTC
            "1996-12-20T00:39:57+00:00",
            "2026-08-08T12:00:00Z", // no fraction
            "2024-02-29T23:59:59.999999999+05:30", // a leap day, the longest fraction, an offset east of UTC
            "1970-01-01T00:00:00Z"
    })
    void readsTheDocumentedFormsAsJavaTimeDoes(String text) {
        Instant expected = OffsetDateTime.parse(text).toInstant();

        assertThat(VenueTimes.isoNanos(text)).isEqualTo(expected.getEpochSecond() * 1_000_000_000L + expected.getNano());
    }

    @Test
    void readsCoinbasesTimeToTheNanosecond() {
        assertThat(VenueTimes.isoNanos("2023-02-09T20:32:50.714964855Z")).isEqualTo(1_675_974_770_714_964_855L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "2023-02-09",
            "2023-02-09T20:32:50", // no zone
            "2023-02-09T20:32:50.5", // no zone after a fraction
            "2023-02-09 20:32:50Z", // a space for the T
            "2023-02-09t20:32:50z", // lower case
            "2023-02-09T20:32:50.Z", // a point without digits
            "2023-02-09T20:32:50.1234567891Z", // finer than a nanosecond
            "2023-02-09T20:32:50Zjunk",
            "2023-02-09T20:32:50+0100", // an offset without its colon
            "2023-02-09T20:32:50+24:00",
            "2023-13-01T00:00:00Z",
            "2023-00-01T00:00:00Z",
            "2023-02-29T00:00:00Z", // 2023 is no leap year
            "2100-02-29T00:00:00Z", // nor is 2100
            "2023-04-31T00:00:00Z",
            "2023-02-09T24:00:00Z",
            "2023-02-09T20:60:00Z",
            "1990-12-31T23:59:60Z", // RFC 3339's leap second: no venue sends one
            "1969-12-31T23:59:59Z", // before 1970
            "1970-01-01T00:00:00+00:01", // 1969 in UTC
            "2262-04-12T00:00:00Z", // past what a long holds in nanoseconds
            "-2023-02-09T20:32:50Z",
            "2023-02-0xT20:32:50Z"
    })
    void answersInvalidForWhatIsNotSuchATime(String text) {
        assertThat(VenueTimes.isoNanos(text)).isEqualTo(VenueTimes.INVALID);
    }

    @Property
    void readsBackEveryInstantJavaWrites(@ForAll @LongRange(min = 0, max = 9_000_000_000L) long seconds,
                                         @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);

        assertThat(VenueTimes.isoNanos(instant.toString())).isEqualTo(seconds * 1_000_000_000L + nanos);
    }

    @Test
    void turnsMillisecondsIntoNanoseconds() {
        assertThat(VenueTimes.millisToNanos(1_672_304_484_978L)).isEqualTo(1_672_304_484_978_000_000L);
        assertThat(VenueTimes.millisToNanos(-1)).isEqualTo(VenueTimes.INVALID);
        assertThat(VenueTimes.millisToNanos(Long.MAX_VALUE / 1_000_000L + 1)).isEqualTo(VenueTimes.INVALID);
    }

    @Test
    void readsAStringTokenInPlaceButNeverAnEscapedOne() {
        JsonCursor cursor = new JsonCursor();
        byte[] json = "[\"2023-10-06T17:35:55.440295Z\",\"2023-10-06T17:35:55.440295\\u005A\"]"
                .getBytes(StandardCharsets.US_ASCII);
        cursor.wrap(json, 0, json.length);
        cursor.next();

        cursor.next();
        assertThat(cursor.tokenIsoNanos()).isEqualTo(1_696_613_755_440_295_000L);
        cursor.next();
        assertThat(cursor.tokenIsoNanos()).isEqualTo(VenueTimes.INVALID);
    }

    /** Every instant of 1970 to 9999 is written as {@code Instant.toString} writes it, fraction included. */
    @Property(tries = 3000)
    void writesAnInstantAsInstantWritesIt(@ForAll @LongRange(min = 0, max = 253_402_300_799L) long epochSecond,
                                          @ForAll @LongRange(min = 0, max = 999_999_999) long nano) {
        for (int truncated : new int[] {(int) nano, (int) (nano - nano % 1_000), (int) (nano - nano % 1_000_000), 0}) {
            assertThat(VenueTimes.appendIso(new StringBuilder(), epochSecond, truncated).toString())
                    .isEqualTo(Instant.ofEpochSecond(epochSecond, truncated).toString());
        }
    }

    @Test
    void writesTheTimesTheSimulatorStampsAndTheEdgesOfItsRange() {
        assertThat(VenueTimes.appendIso(new StringBuilder(), 1_696_613_755L, 440_295_000).toString())
                .isEqualTo("2023-10-06T17:35:55.440295Z");
        assertThat(VenueTimes.appendIso(new StringBuilder(), 0, 0).toString()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(VenueTimes.appendIso(new StringBuilder(), -1, 500_000_000).toString())
                .isEqualTo("1969-12-31T23:59:59.500Z");
        assertThat(VenueTimes.appendIso(new StringBuilder(), 253_402_300_800L, 0).toString())
                .isEqualTo("+10000-01-01T00:00:00Z");
    }
}
