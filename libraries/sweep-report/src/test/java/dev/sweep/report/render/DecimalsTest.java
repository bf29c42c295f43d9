package dev.sweep.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers for reading: rounded half-even, with a comma between groups of three digits. */
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
}
