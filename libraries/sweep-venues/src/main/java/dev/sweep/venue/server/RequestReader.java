package dev.sweep.venue.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a client's request, one small JSON object, with jackson-core's streaming parser: each dialect takes the
 * fields it knows and skips the rest. Requests are rare, so clarity wins over allocation here.
 */
public final class RequestReader {

    /** Reads the value of one field; the parser stands on the value's first token, and the value must be consumed. */
    @FunctionalInterface
    public interface FieldReader {
        void read(String name, JsonParser value) throws IOException;
    }

    /** The request is not one valid JSON value. */
    public static final class MalformedRequestException extends Exception {

        private static final long serialVersionUID = 1L;

        MalformedRequestException(String reason) {
            super(reason);
        }
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private RequestReader() {
    }

    /**
     * Reads the text as one JSON value and, when it is an object, hands each of its fields to {@code fields}.
     *
     * @throws MalformedRequestException with the parser's reason when the text is not exactly one JSON value
     */
    public static void read(String text, FieldReader fields) throws MalformedRequestException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw new MalformedRequestException("empty request");
            }
            object(parser, fields);
            if (parser.nextToken() != null) {
                throw new MalformedRequestException("content after the request");
            }
        } catch (JsonProcessingException e) {
            throw new MalformedRequestException(e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedRequestException(e.getMessage());
        }
    }

    /** Reads the object the parser stands on, field by field; any other value is skipped. */
    public static void object(JsonParser parser, FieldReader fields) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            fields.read(name, parser);
        }
    }

    /** Reads the array the parser stands on, handing the parser to {@code item} on each item; any other value is skipped. */
    public static void array(JsonParser parser, FieldReader item) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            item.read("", parser);
        }
    }

    /** The string the parser stands on, or {@code ""} for any other value (which is skipped). */
    public static String string(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        parser.skipChildren();
        return "";
    }

    /** The non-negative integer the parser stands on, or {@code otherwise} for any other value (which is skipped). */
    public static long count(JsonParser parser, long otherwise) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                && parser.getLongValue() >= 0) {
            return parser.getLongValue();
        }
        parser.skipChildren();
        return otherwise;
    }

    /** The strings of the array the parser stands on; empty when the value is not an array of strings only. */
    public static List<String> strings(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        boolean onlyStrings = true;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            onlyStrings &= parser.currentToken() == JsonToken.VALUE_STRING;
            if (onlyStrings) {
                strings.add(parser.getText());
            }
            parser.skipChildren();
        }
        return onlyStrings ? List.copyOf(strings) : List.of();
    }
}
