package dev.sweep.venue.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.venue.json.JsonCursor.Token;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonCursorTest {

    private static final ObjectMapper JACKSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonCursor cursor = new JsonCursor();

    @Test
    void readsTokensInPlace() {
        wrap("{\"price\": 45283.5, \"qty\": \"0.10\", \"ok\": [true, false, null]}");

        assertThat(cursor.next()).isEqualTo(Token.START_OBJECT);
        assertThat(cursor.next()).isEqualTo(Token.FIELD_NAME);
        assertThat(cursor.tokenEquals(Ascii.bytes("price"))).isTrue();
        assertThat(cursor.next()).isEqualTo(Token.NUMBER);
        assertThat(cursor.tokenFixedPoint(1)).isEqualTo(452835);
        assertThat(cursor.next()).isEqualTo(Token.FIELD_NAME);
        assertThat(cursor.next()).isEqualTo(Token.STRING);
        assertThat(cursor.tokenText().toString()).isEqualTo("0.10");
        assertThat(cursor.next()).isEqualTo(Token.FIELD_NAME);
        assertThat(cursor.skipValue()).isTrue();
        assertThat(cursor.next()).isEqualTo(Token.END_OBJECT);
        assertThat(cursor.next()).isEqualTo(Token.END);
    }

    @Test
    void readsUnsignedIntegersBeyondIntButNotBeyondLong() {
        wrap("[3310070434, 15113583034416118705, -1, 1.5]");
        cursor.next();
        cursor.next();
        assertThat(cursor.tokenUnsignedLong()).isEqualTo(3310070434L);
        cursor.next();
        assertThat(cursor.tokenUnsignedLong()).isEqualTo(-1);
        cursor.next();
        assertThat(cursor.tokenUnsignedLong()).isEqualTo(-1);
        cursor.next();
        assertThat(cursor.tokenUnsignedLong()).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":}", "{\"a\" 1}", "[1,]", "[1 2]", "{\"a\":1,}", "01", "1.", ".5", "-",
            "1e", "tru", "nul", "\"abc", "\"\\x\"", "\"\\u12\"", "[1]]", "{} {}", "{'a':1}", "NaN", "\"a\u0001\"",
            "{\"a\":1]"})
    void rejectsMalformedJsonWithAReason(String text) {
        wrap(text);
        assertThat(cursor.finish()).isFalse();
        assertThat(cursor.error()).isNotBlank();
    }

    @Test
    void rejectsNestingDeeperThanTheLimit() {
        wrap("[".repeat(JsonCursor.MAX_DEPTH + 1) + "]".repeat(JsonCursor.MAX_DEPTH + 1));
        assertThat(cursor.finish()).isFalse();
        assertThat(cursor.error()).isEqualTo("nested too deeply");
    }

    /** On any ASCII text the cursor agrees with Jackson on whether it is one valid JSON value, and never throws. */
    @Property(tries = 3000)
    void agreesWithJacksonOnValidity(@ForAll("jsonish") String text) {
        wrap(text);
        boolean ours = cursor.finish();
        assertThat(ours).as("%s (cursor: %s)", text, cursor.error()).isEqualTo(jacksonAccepts(text));
    }

    @Property(tries = 1000)
    void readsValidDocumentsToTheEnd(@ForAll("documents") String text) {
        wrap(text);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = cursor.next();
            tokens.add(token);
        } while (token != Token.END && token != Token.ERROR);
        assertThat(tokens).last().isEqualTo(Token.END);
    }

    /**
     * Strings are scanned eight bytes at a time: wherever a quote, an escape or a control character falls in a string
     * of any length, at any offset in the buffer, the cursor agrees with Jackson on validity and ends a valid string at
     * its closing quote.
     */
    @Property(tries = 3000)
    void findsTheEndOfAStringWhereverItsSpecialBytesFall(@ForAll("stringContents") String content,
                                                        @ForAll @IntRange(max = 9) int offset) {
        String text = "[\"" + content + "\", 1]";
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] buffer = new byte[offset + bytes.length + 9];
        System.arraycopy(bytes, 0, buffer, offset, bytes.length);
        cursor.wrap(buffer, offset, bytes.length);

        cursor.next();
        Token token = cursor.next();
        boolean valid = jacksonAccepts(text);
        assertThat(token == Token.STRING && cursor.finish()).as("%s (cursor: %s)", text, cursor.error())
                .isEqualTo(valid);
        if (valid) {
            cursor.wrap(buffer, offset, bytes.length);
            cursor.next();
            cursor.next();
            assertThat(cursor.tokenStart()).isEqualTo(offset + 2);
            assertThat(cursor.tokenLength()).isEqualTo(content.length());
        }
    }

    @Provide
    Arbitrary<String> stringContents() {
        return Arbitraries.strings().withChars('a', '7', ' ', '"', '\\', 'n', 'u', '0', '\u0001', '\u001f', '\u00e9', '\u0080')
                .ofMaxLength(40);
    }

    private void wrap(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        byte[] buffer = new byte[bytes.length + 10];
        System.arraycopy(bytes, 0, buffer, 5, bytes.length);
        cursor.wrap(buffer, 5, bytes.length);
    }

    private static boolean jacksonAccepts(String text) {
        try {
            JsonNode node = JACKSON.readTree(text);
            return node != null && !node.isMissingNode();
        } catch (Exception e) {
            return false;
        }
    }

    @Provide
    Arbitrary<String> documents() {
        return json(3);
    }

    /** Valid documents, mutated: characters dropped, doubled or replaced by JSON punctuation. */
    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<Character> noise = Arbitraries.of('{', '}', '[', ']', ',', ':', '"', '\\', '-', '.', 'e', '0', '1',
                ' ', 't', 'n', 'u', 'x', '\u0001');
        return json(3).flatMap(text -> Arbitraries.integers().between(0, 3).flatMap(mutations -> {
            Arbitrary<String> mutated = Arbitraries.just(text);
            for (int i = 0; i < mutations; i++) {
                mutated = mutated.flatMap(current -> Arbitraries.integers().between(0, Math.max(0, current.length()))
                        .flatMap(at -> noise.flatMap(c -> Arbitraries.of(
                                current.substring(0, at) + c + current.substring(at),
                                at < current.length() ? current.substring(0, at) + current.substring(at + 1) : current,
                                at < current.length() ? current.substring(0, at) + c + current.substring(at + 1)
                                        : current))));
            }
            return mutated;
        }));
    }

    private static Arbitrary<String> json(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.of("true", "false", "null", "0", "-0", "12", "-3.25", "1e5", "2.5E-3", "45283.5",
                        "15113583034416118705"),
                Arbitraries.strings().withChars("abcXYZ019 .-/").ofMaxLength(6).map(s -> "\"" + s + "\""),
                Arbitraries.of("\"a\\\"b\"", "\"\\u00e9\"", "\"\\n\""));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> array = json(depth - 1).list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = json(depth - 1).list().ofMaxSize(4).map(values -> {
            StringBuilder text = new StringBuilder("{");
            for (int i = 0; i < values.size(); i++) {
                text.append(i == 0 ? "" : ", ").append("\"k").append(i).append("\": ").append(values.get(i));
            }
            return text.append('}').toString();
        });
        return Arbitraries.oneOf(scalar, array, object);
    }
}
