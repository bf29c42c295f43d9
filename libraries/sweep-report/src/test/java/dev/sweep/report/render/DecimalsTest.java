package dev.sweep.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact numbers without trailing zeros; numbers for reading rounded half-even, with commas between thousands. */
class DecimalsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|2|0.00",
        "999.994|2|999.99",
        "999.995|2|1,000.00",
        "1005472.051659451|2|1,005,472.05",
        "100000|0|100,000",
        "-1234567.885|2|-1,234,567.88",
        "67031.4700|3|67,031.470",
        "0.00000001|8|0.00000001"})
    void readableRoundsHalfEvenAndGroupsThousands(String value, int decimals, String expected) {
        assertThat(Decimals.readable(new BigDecimal(value), decimals)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1000|1,000", "1000000.500|1,000,000.5", "0.00000001|0.00000001", "0.0|0"})
    void readableExactKeepsEveryDigit(String value, String expected) {
        assertThat(Decimals.readableExact(new BigDecimal(value))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1005018.0500|1005018.05", "100.00|100", "1200|1200", "1.2E+3|1200",
        "0.000|0", "-0.50|-0.5", "0.05|0.05", "2600.000000000000000000|2600", "-3E-20|-0.00000000000000000003"})
    void exactDropsTrailingFractionalZerosOnly(String value, String expected) {
        assertThat(Decimals.exact(new BigDecimal(value))).isEqualTo(expected);
    }

    /** The text is what stripping the zeros arithmetically writes, for values small and large, at any scale. */
    @Test
    void exactWritesWhatStrippingTheZerosWrites() {
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 100_000; i++) {
            BigInteger unscaled = new BigInteger(1 + random.nextInt(100), new Random(random.nextLong()))
                    .multiply(BigInteger.TEN.pow(random.nextInt(20)));
            BigDecimal value = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(),
                    random.nextInt(-5, 30));
            String expected = value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
            assertThat(Decimals.exact(value)).as(value.toString()).isEqualTo(expected);
        }
    }

    /**
     * The JSON string written from a reused array is the text of {@link Decimals#exact} and of
     * {@link Decimals#rounded}, for values of every size, zeros at any scale among them.
     */
    @Test
    void writtenIntoJsonTheTextIsTheSame() throws IOException {
        SplittableRandom random = new SplittableRandom(21);
        for (int i = 0; i < 100_000; i++) {
            BigInteger unscaled = random.nextInt(10) == 0 ? BigInteger.ZERO
                    : new BigInteger(1 + random.nextInt(140), new Random(random.nextLong()));
            BigDecimal value = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(),
                    random.nextInt(-5, 45));
            assertThat(written(json -> Decimals.writeExact(json, value))).as(value.toString())
                    .isEqualTo("\"" + Decimals.exact(value) + "\"");
            assertThat(written(json -> Decimals.writeRounded(json, value))).as(value.toString())
                    .isEqualTo("\"" + value.toPlainString() + "\"");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0.0000000000|0", "0|0", "-0.0500|-0.05",
        "170141183460469231731.687303715884105727|170141183460469231731.687303715884105727",
        "0.00000000000000000000000000000000000001|0.00000000000000000000000000000000000001", "18446744073709551616|18446744073709551616"})
    void writtenIntoJsonAnExactValueDropsItsTrailingZeros(String value, String expected) throws IOException {
        assertThat(written(json -> Decimals.writeExact(json, new BigDecimal(value))))
                .isEqualTo("\"" + expected + "\"");
    }

    private static String written(JsonDocuments.Content content) {
        return JsonDocuments.write(content);
    }
}
