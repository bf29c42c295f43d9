package dev.sweep.venue.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.FixedPoint;
import dev.sweep.venue.json.LayoutReader.Literal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LayoutReaderTest {

    private final LayoutReader reader = new LayoutReader();

    /**
     * A number read here up to the text that ends it (what the layout reader checks next) is the number the general
     * reader reads from the same text.
     */
    @Property(tries = 3000)
    void aDecimalReadIsWhatFixedPointReads(@ForAll("numbers") String number, @ForAll @IntRange(max = 18) int scale) {
        wrap(number + "\"");

        long read = reader.decimal(scale);

        if (read >= 0 && reader.at('"')) {
            assertThat(read).as(number).isEqualTo(FixedPoint.parse(number, scale));
        }
    }

    /**
     * A number with more of the frame after it, as a layout's next field follows it, is read eight digits at a time: to
     * the same value, or not at all, as one at the frame's end, which is read digit by digit.
     */
    @Property(tries = 3000)
    void aDecimalReadAWordAtATimeIsTheOneReadDigitByDigit(@ForAll("numbers") String number,
            @ForAll @IntRange(max = 18) int scale) {
        wrap(number + "\",\"quantity\":\"");
        long byWords = reader.decimal(scale);
        boolean byWordsAtQuote = reader.at('"');
        wrap(number + "\"");
        long byDigits = reader.decimal(scale);

        assertThat(byWords).as(number).isEqualTo(byDigits);
        assertThat(byWordsAtQuote).as(number).isEqualTo(reader.at('"'));
    }

    @Property(tries = 1000)
    void anIntegerReadIsWhatFixedPointReads(@ForAll("numbers") String number) {
        wrap(number + ",");

        long read = reader.integer(LayoutReader.MAX_DIGITS);

        if (read >= 0 && reader.at(',')) {
            assertThat(read).as(number).isEqualTo(FixedPoint.parse(number, 0));
        }
    }

    @Test
    void numbersThatGoOnAsAnotherNumberAreNotRead() {
        for (String number : new String[] {"0123", "1e5", "1.5E2", "1.", "00", "-1", ".5", "1.5.5"}) {
            wrap(number + "\"");

            assertThat(reader.decimal(8)).as(number).isEqualTo(-1);
        }
        wrap("12.5,");
        assertThat(reader.integer(18)).isEqualTo(-1);
        wrap("1234,");
        assertThat(reader.integer(3)).isEqualTo(-1);
    }

    @Test
    void aDecimalAtItsScaleKeepsTrailingZerosOnlyWhenTheyAreZeros() {
        wrap("0.10000000000\"");
        assertThat(reader.decimal(8)).isEqualTo(10_000_000L);
        wrap("0.100000001\"");
        assertThat(reader.decimal(8)).isEqualTo(-1);
        wrap("1234567890.5\"");
        assertThat(reader.decimal(8)).isEqualTo(123_456_789_050_000_000L);
        wrap("12345678901\"");
        assertThat(reader.decimal(8)).isEqualTo(-1);
    }

    @Test
    void onlyAPlainStringIsSkipped() {
        wrap("\"abc\",");
        assertThat(reader.skipPlainString()).as("where its quote is").isEqualTo(4);
        assertThat(reader.at(',')).isTrue();
        wrap("\"2026-11-27T12:00:00.123456789Z\",");
        assertThat(reader.skipPlainString()).as("a string longer than a word").isEqualTo(4);
        assertThat(reader.at(',')).isTrue();
        for (String string : new String[] {"\"a\\\"b\"", "\"a\u0001\"", "\"abc", "abc\"",
            "\"2026-11-27T12:00:00.1234\\u0035Z\"", "\"2026-11-27T12:00:00.12345\u001fZ\"",
            "\"2026-11-27T12:00:00.123456789Z"}) {
            wrap(string);

            assertThat(reader.skipPlainString()).as(string).isEqualTo(-1);
        }
    }

    @Test
    void aLiteralIsMatchedWholeAndNeverPastTheEnd() {
        Literal shortOne = Literal.of("],");
        Literal longOne = Literal.of(",\"new_quantity\":\"");
        byte[] frame = "xx],\"new_quantity\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] padded = Arrays.copyOf(frame, frame.length + 8);

        reader.wrap(padded, 2, 2);
        assertThat(reader.skip(shortOne)).isTrue();
        assertThat(reader.atEnd()).isTrue();
        reader.wrap(padded, 3, frame.length - 3);
        assertThat(reader.skip(longOne)).isTrue();
        assertThat(reader.atEnd()).isTrue();
        reader.wrap(padded, 3, frame.length - 4);
        assertThat(reader.skip(longOne)).isFalse();
        reader.wrap(padded, 2, 1);
        assertThat(reader.skip(shortOne)).isFalse();
    }

    @Test
    void aQuotedTextIsMatchedWithItsClosingQuote() {
        byte[][] texts = {LayoutReader.plain("BTC-USD"), LayoutReader.plain("BTC-USDT"), LayoutReader.plain("a\"b")};
        assertThat(texts[2]).isNull();

        wrap("BTC-USDT\",");
        assertThat(reader.skipQuoted(texts)).isEqualTo(1);
        assertThat(reader.at(',')).isTrue();
        wrap("BTC-USDC\"");
        assertThat(reader.skipQuoted(texts)).isEqualTo(-1);
        wrap("BTC-USD");
        assertThat(reader.skipQuoted(texts)).isEqualTo(-1);
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.strings().withChars("0123456789.eE-+").ofMinLength(1).ofMaxLength(24)
                .edgeCases(edges -> edges.add("0", "0.0", "9223372036854775807", "999999999999999999"));
    }

    private void wrap(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        byte[] buffer = new byte[bytes.length + 12];
        Arrays.fill(buffer, (byte) '7');
        System.arraycopy(bytes, 0, buffer, 4, bytes.length);
        reader.wrap(buffer, 4, bytes.length);
    }
}
