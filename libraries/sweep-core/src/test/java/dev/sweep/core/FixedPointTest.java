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

    /** Negative values and the extremes too, which the books never hold, are written as BigDecimal writes them. */
    @Property(tries = 3000)
    void formatsAnyValueAsBigDecimalWritesIt(@ForAll long unscaled, @ForAll @IntRange(min = 0, max = 18) int scale) {
        assertThat(FixedPoint.format(unscaled, scale))
                .isEqualTo(BigDecimal.valueOf(unscaled, scale).stripTrailingZeros().toPlainString());
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

    @ParameterizedTest
    @CsvSource({
            "1.7e-7, 8, 17",
            "1.7E-7, 10, 1700",
            "1E+2, 8, 10000000000",
            "1e2, 0, 100",
            "0.00017e3, 2, 17",
            "1700e-10, 8, 17",
            "123.456e1, 3, 1234560",
            "0e999999999999999999999, 8, 0",
            "0.0e-5, 0, 0",
            "92233720368547758.07e2, 0, 9223372036854775807",
            "67050.1, 8, 6705010000000",
            "1.70000000000000000000000000000e-7, 18, 170000000000",
    })
    void parsesExponentFormExactly(String text, int scale, long expected) {
        assertThat(FixedPoint.parseScientific(text, scale)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(value = {
            "'', EMPTY",
            "-1e2, SIGNED",
            "+1e2, SIGNED",
            "1.7e-7, TOO_PRECISE",
            "1e-99999999999999999999, TOO_PRECISE",
            "1e19, OVERFLOW",
            "1e99999999999999999999, OVERFLOW",
            "123456789012345678901234567890, OVERFLOW",
            "1e, NOT_A_NUMBER",
            "1e+, NOT_A_NUMBER",
            "1e5.5, NOT_A_NUMBER",
            "1ee5, NOT_A_NUMBER",
            "e5, NOT_A_NUMBER",
            "1e-5x, NOT_A_NUMBER",
            "'.5e1', MISSING_DIGITS",
            "'1.e5', MISSING_DIGITS",
    }, quoteCharacter = '\'')
    void rejectsExponentFormThatIsNotExactAtTheScale(String text, String code) throws Exception {
        long expected = FixedPoint.class.getField(code).getLong(null);
        assertThat(FixedPoint.parseScientific(text, 6)).isEqualTo(expected);
    }

    /**
     * Any decimal, written with its point anywhere and an exponent that makes up for it, extra zeros and an upper- or
     * lower-case {@code e}: parsed at any scale to what BigDecimal says, or rejected as too precise or too large.
     */
    @Property(tries = 3000)
    void parsesExponentFormAsBigDecimalDoes(@ForAll @LongRange(min = 0) long unscaled,
                                            @ForAll @IntRange(min = -30, max = 30) int valueScale,
                                            @ForAll @IntRange(min = 0, max = 25) int pointFromRight,
                                            @ForAll @IntRange(min = 0, max = 3) int leadingZeros,
                                            @ForAll @IntRange(min = 0, max = 3) int trailingZeros,
                                            @ForAll boolean upperCase, @ForAll boolean plusSign,
                                            @ForAll @IntRange(min = 0, max = 18) int scale) {
        BigDecimal value = BigDecimal.valueOf(unscaled, valueScale);
        String digits = "0".repeat(leadingZeros) + unscaled + "0".repeat(trailingZeros);
        int point = Math.min(pointFromRight, digits.length() - 1);
        String mantissa = point == 0 ? digits
                : digits.substring(0, digits.length() - point) + "." + digits.substring(digits.length() - point);
        // mantissa = unscaled × 10^(trailingZeros − point), so the exponent restores 10^−valueScale.
        long exponent = (long) point - trailingZeros - valueScale;
        String text = mantissa + (upperCase ? "E" : "e") + (plusSign && exponent >= 0 ? "+" : "") + exponent;

        long parsed = FixedPoint.parseScientific(text, scale);

        BigDecimal atScale = value.setScale(scale, RoundingMode.DOWN);
        if (atScale.compareTo(value) != 0) {
            assertThat(parsed).as(text).isEqualTo(FixedPoint.TOO_PRECISE);
        } else if (atScale.unscaledValue().bitLength() > 63) {
            assertThat(parsed).as(text).isEqualTo(FixedPoint.OVERFLOW);
        } else {
            assertThat(parsed).as(text).isEqualTo(atScale.unscaledValue().longValueExact());
        }
    }
}
