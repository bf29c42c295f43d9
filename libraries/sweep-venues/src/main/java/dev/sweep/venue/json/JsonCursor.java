package dev.sweep.venue.json;

import dev.sweep.core.FixedPoint;

/**
 * A strict, allocation-free pull tokenizer for one JSON text held in a byte array: the decoders' view of a frame.
 *
 * <p>It checks the full grammar (nesting, commas, colons, string escapes, number syntax, one top-level value) and
 * never throws: malformed input yields {@link Token#ERROR} with a fixed {@link #error() reason}. Tokens are exposed
 * as byte ranges, and compared or converted in place ({@link #tokenEquals}, {@link #tokenFixedPoint},
 * {@link #tokenUnsignedLong}), so decoding a frame allocates nothing. A general-purpose JSON library would create a
 * parser and strings for every frame, which is what this class exists to avoid.
 *
 * <p>Not thread-safe; one cursor per decoder. Bytes of 0x80 and above are accepted inside strings as they are
 * (market data is ASCII; UTF-8 is not validated).
 */
public final class JsonCursor {

    /** What {@link #next()} found. */
    public enum Token {
        START_OBJECT, END_OBJECT, START_ARRAY, END_ARRAY, FIELD_NAME, STRING, NUMBER, TRUE, FALSE, NULL,
        /** The single top-level value is complete and only white space follows. */
        END,
        /** The input is not valid JSON; see {@link #error()}. */
        ERROR
    }

    /** Deeper nesting is rejected: no venue message nests more than a few levels. */
    public static final int MAX_DEPTH = 32;

    private static final int EXPECT_VALUE = 0;
    private static final int EXPECT_VALUE_OR_CLOSE = 1;
    private static final int EXPECT_FIELD_OR_CLOSE = 2;
    private static final int EXPECT_FIELD = 3;
    private static final int EXPECT_COMMA_OR_CLOSE = 4;
    private static final int EXPECT_END = 5;
    private static final int FAILED = 6;

    private final boolean[] inObject = new boolean[MAX_DEPTH];
    private final TokenText tokenText = new TokenText();
    private byte[] buffer = new byte[0];
    private int position;
    private int end;
    private int depth;
    private int state;
    private int tokenStart;
    private int tokenEnd;
    private boolean tokenEscaped;
    private String error;

    /** Starts reading {@code buffer[offset, offset + length)} as one JSON text. */
    public JsonCursor wrap(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.position = offset;
        this.end = offset + length;
        this.depth = 0;
        this.state = EXPECT_VALUE;
        this.tokenStart = offset;
        this.tokenEnd = offset;
        this.tokenEscaped = false;
        this.error = null;
        return this;
    }

    /** Reads the next token. After {@link Token#ERROR} every call returns {@code ERROR} again. */
    public Token next() {
        if (state == FAILED) {
            return Token.ERROR;
        }
        skipWhiteSpace();
        if (position >= end) {
            return state == EXPECT_END ? Token.END : fail("unexpected end of input");
        }
        byte c = buffer[position];
        switch (state) {
            case EXPECT_END:
                return fail("content after the top-level value");
            case EXPECT_FIELD_OR_CLOSE:
                if (c == '}') {
                    return close(Token.END_OBJECT);
                }
                return fieldName(c);
            case EXPECT_FIELD:
                return fieldName(c);
            case EXPECT_COMMA_OR_CLOSE:
                boolean object = inObject[depth - 1];
                if (c == ',') {
                    position++;
                    state = object ? EXPECT_FIELD : EXPECT_VALUE;
                    return next();
                }
                if (c == (object ? '}' : ']')) {
                    return close(object ? Token.END_OBJECT : Token.END_ARRAY);
                }
                return fail(object ? "expected ',' or '}'" : "expected ',' or ']'");
            case EXPECT_VALUE_OR_CLOSE:
                if (c == ']') {
                    return close(Token.END_ARRAY);
                }
                return value(c);
            default:
                return value(c);
        }
    }

    /**
     * Skips the value that starts at the next token (a whole object or array included).
     *
     * @return false when the input is malformed
     */
    public boolean skipValue() {
        int nesting = 0;
        do {
            Token token = next();
            switch (token) {
                case START_OBJECT, START_ARRAY -> nesting++;
                case END_OBJECT, END_ARRAY -> nesting--;
                case ERROR, END -> {
                    if (token == Token.END) {
                        fail("expected a value");
                    }
                    return false;
                }
                default -> {
                }
            }
        } while (nesting > 0);
        return nesting == 0;
    }

    /** Reads tokens to the end of the text, so that trailing garbage is detected; returns false if malformed. */
    public boolean finish() {
        Token token;
        do {
            token = next();
        } while (token != Token.END && token != Token.ERROR);
        return token == Token.END;
    }

    /** Why the input was rejected, or null. */
    public String error() {
        return error;
    }

    /** Offset just past the last token read: with {@link #tokenStart()}, the extent of a skipped value. */
    public int position() {
        return position;
    }

    /** Offset of the current token's first byte (inside the quotes for strings and field names). */
    public int tokenStart() {
        return tokenStart;
    }

    /** Length in bytes of the current token (of a string's content, escapes as written). */
    public int tokenLength() {
        return tokenEnd - tokenStart;
    }

    /** The bytes the cursor reads, for comparing tokens in place; the token spans {@link #tokenStart()} onwards. */
    byte[] buffer() {
        return buffer;
    }

    /** Whether the current string holds an escape, so that its bytes are not its text. */
    boolean tokenEscaped() {
        return tokenEscaped;
    }

    /** Whether the current string or field name is exactly the given ASCII bytes (escaped strings never are). */
    public boolean tokenEquals(byte[] ascii) {
        int length = tokenEnd - tokenStart;
        if (tokenEscaped || length != ascii.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (buffer[tokenStart + i] != ascii[i]) {
                return false;
            }
        }
        return true;
    }

    /** The current token's text as a reused view: valid until the next call; copy it to keep it. */
    public CharSequence tokenText() {
        return tokenText;
    }

    /** The current token as a scaled long, or a negative {@link FixedPoint} error code. */
    public long tokenFixedPoint(int scale) {
        return FixedPoint.parse(tokenText, scale);
    }

    /** The current number token as a non-negative long, or -1 when it is not a non-negative integer that fits. */
    public long tokenUnsignedLong() {
        long value = FixedPoint.parse(tokenText, 0);
        return value < 0 ? -1 : value;
    }

    /**
     * The current string token as an RFC 3339 time in nanoseconds since 1970 ({@link VenueTimes#isoNanos}), or
     * {@link VenueTimes#INVALID}; an escaped string never is a time.
     */
    public long tokenIsoNanos() {
        return tokenEscaped ? VenueTimes.INVALID : VenueTimes.isoNanos(tokenText);
    }

    /** Stands for "not an integer that fits" in {@link #tokenLong()}. */
    public static final long NOT_A_LONG = Long.MIN_VALUE;

    /**
     * The current number token as a long, negative too ({@code -1}, a signed checksum), or {@link #NOT_A_LONG} when it
     * is not an integer that fits.
     */
    public long tokenLong() {
        boolean negative = tokenEnd > tokenStart && buffer[tokenStart] == '-';
        long magnitude = negative ? FixedPoint.parse(tokenText, 1, tokenText.length(), 0)
                : FixedPoint.parse(tokenText, 0);
        return magnitude < 0 ? NOT_A_LONG : negative ? -magnitude : magnitude;
    }

    /** The current token as a new String, for error messages and rare control frames. */
    public String tokenString() {
        return tokenText.toString();
    }

    private Token fieldName(byte c) {
        if (c != '"') {
            return fail("expected a field name");
        }
        if (!string()) {
            return Token.ERROR;
        }
        skipWhiteSpace();
        if (position >= end || buffer[position] != ':') {
            return fail("expected ':' after a field name");
        }
        position++;
        state = EXPECT_VALUE;
        return Token.FIELD_NAME;
    }

    private Token value(byte c) {
        switch (c) {
            case '{':
                return open(true, Token.START_OBJECT);
            case '[':
                return open(false, Token.START_ARRAY);
            case '"':
                return string() ? afterValue(Token.STRING) : Token.ERROR;
            case 't':
                return literal("true", Token.TRUE);
            case 'f':
                return literal("false", Token.FALSE);
            case 'n':
                return literal("null", Token.NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                return fail("expected a value");
        }
    }

    private Token open(boolean object, Token token) {
        if (depth == MAX_DEPTH) {
            return fail("nested too deeply");
        }
        inObject[depth++] = object;
        tokenStart = position;
        position++;
        tokenEnd = position;
        state = object ? EXPECT_FIELD_OR_CLOSE : EXPECT_VALUE_OR_CLOSE;
        return token;
    }

    private Token close(Token token) {
        depth--;
        tokenStart = position;
        position++;
        tokenEnd = position;
        return afterValue(token);
    }

    private Token afterValue(Token token) {
        state = depth == 0 ? EXPECT_END : EXPECT_COMMA_OR_CLOSE;
        return token;
    }

    /**
     * Reads a string starting at the opening quote; the token is its content. Its plain run is skipped eight bytes at
     * a time ({@link Words}) up to the first byte that needs a look: the closing quote, an escape, or a control
     * character.
     */
    private boolean string() {
        int i = position + 1;
        tokenStart = i;
        tokenEscaped = false;
        while (i < end) {
            if (i + Words.SIZE <= end) {
                long specials = Words.stringSpecials(Words.at(buffer, i));
                if (specials == 0) {
                    i += Words.SIZE;
                    continue;
                }
                i += Words.firstByte(specials);
            }
            int c = buffer[i] & 0xFF;
            if (c == '"') {
                tokenEnd = i;
                position = i + 1;
                return true;
            }
            if (c < 0x20) {
                fail("control character in a string");
                return false;
            }
            if (c == '\\') {
                tokenEscaped = true;
                if (i + 1 >= end) {
                    break;
                }
                byte escape = buffer[i + 1];
                if (escape == 'u') {
                    if (i + 5 >= end || !isHex(buffer[i + 2]) || !isHex(buffer[i + 3]) || !isHex(buffer[i + 4])
                            || !isHex(buffer[i + 5])) {
                        fail("bad \\u escape in a string");
                        return false;
                    }
                    i += 6;
                    continue;
                }
                if ("\"\\/bfnrt".indexOf(escape) < 0) {
                    fail("bad escape in a string");
                    return false;
                }
                i += 2;
                continue;
            }
            i++;
        }
        fail("unterminated string");
        return false;
    }

    private Token number() {
        int i = position;
        tokenStart = i;
        if (buffer[i] == '-') {
            i++;
        }
        if (i >= end || !isDigit(buffer[i])) {
            return fail("bad number");
        }
        if (buffer[i] == '0') {
            i++;
        } else {
            i = digits(i);
        }
        if (i < end && buffer[i] == '.') {
            int fraction = digits(i + 1);
            if (fraction == i + 1) {
                return fail("bad number");
            }
            i = fraction;
        }
        if (i < end && (buffer[i] == 'e' || buffer[i] == 'E')) {
            i++;
            if (i < end && (buffer[i] == '+' || buffer[i] == '-')) {
                i++;
            }
            int exponent = digits(i);
            if (exponent == i) {
                return fail("bad number");
            }
            i = exponent;
        }
        tokenEnd = i;
        tokenEscaped = false;
        position = i;
        return afterValue(Token.NUMBER);
    }

    private int digits(int from) {
        int i = from;
        while (i < end && isDigit(buffer[i])) {
            i++;
        }
        return i;
    }

    private Token literal(String text, Token token) {
        int length = text.length();
        if (end - position < length) {
            return fail("bad literal");
        }
        for (int i = 0; i < length; i++) {
            if (buffer[position + i] != text.charAt(i)) {
                return fail("bad literal");
            }
        }
        tokenStart = position;
        position += length;
        tokenEnd = position;
        return afterValue(token);
    }

    private void skipWhiteSpace() {
        while (position < end) {
            byte c = buffer[position];
            // Most tokens follow no white space at all: one comparison settles it.
            if (c > ' ' || (c != ' ' && c != '\n' && c != '\r' && c != '\t')) {
                return;
            }
            position++;
        }
    }

    private Token fail(String reason) {
        state = FAILED;
        error = reason;
        return Token.ERROR;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** The current token's bytes as ASCII characters, without copying. */
    private final class TokenText implements CharSequence {

        @Override
        public int length() {
            return tokenEnd - tokenStart;
        }

        @Override
        public char charAt(int index) {
            return (char) (buffer[tokenStart + index] & 0xFF);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().substring(start, end);
        }

        @Override
        public String toString() {
            return new String(buffer, tokenStart, tokenEnd - tokenStart, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }
}
