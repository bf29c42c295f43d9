package dev.sweep.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FixedPointTest {

    @ParameterizedTest
    @CsvSource({
            "67050.1, 8, 6705010000000",
            "0.00000001, 8, 1",
            "0.10000000, 8, 10000000",
            "0.1000000000000, 8, 10000000",
            "45281, 1, 452810",
            "45281.0, 1, 452810",
            "0, 8, 0",
            "007.50, 2, 750",
            "9223372036854775807, 0, 9223372036854775807",
            "92233720368.54775807, 8, 9223372036854775807",
    })
    void parsesExactly(String text, int scale, long expected) {
        assertThat(FixedPoint.parse(text, scale)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(value = {
            "'', EMPTY",
            "-1, SIGNED",
            "+1, SIGNED",
            "-0, SIGNED",
            "1e-8, EXPONENT",
            "1E5, EXPONENT",
            "1.5e3, EXPONENT",
            "abc, NOT_A_NUMBER",
            "NaN, NOT_A_NUMBER",
            "'1,5', NOT_A_NUMBER",
            "1.2.3, NOT_A_NUMBER",
            "' 1', NOT_A_NUMBER",
            "1-, NOT_A_NUMBER",
            "0.000000001, TOO_PRECISE",
            "92233720368.54775808, OVERFLOW",
            "99999999999999999999, OVERFLOW",
            "'.5', MISSING_DIGITS",
            "'5.', MISSING_DIGITS",
    }, quoteCharacter = '\'')
    void rejectsWithAReason(String text, String code) throws Exception {
        long expected = FixedPoint.class.getField(code).getLong(null);
        assertThat(FixedPoint.parse(text, 8)).isEqualTo(expected);
        assertThat(FixedPoint.describe(expected)).isNotBlank();
    }

    @Test
    void handlesTenThousandDigitDecimals() {
        assertThat(FixedPoint.parse("1".repeat(10_000), 8)).isEqualTo(FixedPoint.OVERFLOW);
        assertThat(FixedPoint.parse("0." + "0".repeat(10_000), 8)).isZero();
    }

    @Test
    void parseOrThrowNamesTheTextAndTheReason() {
        assertThatThrownBy(() -> FixedPoint.parseOrThrow("1.123", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'1.123' is not a valid amount: more than 2 decimal places");
    }

    @Test
    void formatsPlainWithoutExponentOrTrailingZeros() {
        assertThat(FixedPoint.format(6705010000000L, 8)).isEqualTo("67050.1");
        assertThat(FixedPoint.format(1, 8)).isEqualTo("0.00000001");
        assertThat(FixedPoint.format(100_000_000_000L, 8)).isEqualTo("1000");
        assertThat(FixedPoint.format(0, 8)).isEqualTo("0");
    }

    @Property
    void parsesAnyPlainDecimalToItsUnscaledValue(@ForAll @LongRange(min = 0) long unscaled,
                                                 @ForAll @IntRange(min = 0, max = 18) int scale,
                                                 @ForAll @IntRange(min = 0, max = 4) int extraZeros) {
        BigDecimal value = BigDecimal.valueOf(unscaled, scale);
        String text = value.toPlainString() + (scale > 0 ? "0".repeat(extraZeros) : "");
        assertThat(FixedPoint.parse(text, scale)).isEqualTo(unscaled);
        assertThat(FixedPoint.format(unscaled, scale)).isEqualTo(value.stripTrailingZeros().toPlainString());
    }

    @Property
    void agreesWithBigDecimalOnWhatFitsAndWhatDoesNot(@ForAll @LongRange(min = 0) long a,
                                                      @ForAll @IntRange(min = 0, max = 9) int digits,
                                                      @ForAll @IntRange(min = 0, max = 18) int scale) {
        BigDecimal value = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.TEN.pow(digits)), scale + 3);
        long parsed = FixedPoint.parse(value.toPlainString(), scale);
        BigDecimal atScale = value.setScale(scale, RoundingMode.DOWN);
        if (atScale.unscaledValue().bitLength() > 63) {
            assertThat(parsed).isEqualTo(FixedPoint.OVERFLOW);
        } else if (atScale.compareTo(value) != 0) {
            assertThat(parsed).isEqualTo(FixedPoint.TOO_PRECISE);
        } else {
            assertThat(parsed).isEqualTo(atScale.unscaledValue().longValueExact());
        }
    }
}
