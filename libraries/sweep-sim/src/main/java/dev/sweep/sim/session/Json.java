package dev.sweep.sim.session;

import dev.sweep.venue.json.JsonCursor;
import dev.sweep.venue.json.JsonCursor.Token;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a client's request (a small JSON object) into maps, lists and strings; numbers keep their text. Requests
 * are rare, so convenience wins over allocation here; the strict {@link JsonCursor} still does the parsing.
 */
final class Json {

    /** The text was not valid JSON. */
    static final class MalformedException extends Exception {
        MalformedException(String reason) {
            super(reason);
        }
    }

    private Json() {
    }

    /** A map, a list, a String (strings and numbers), a Boolean, or null. */
    static Object parse(String text) throws MalformedException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        JsonCursor cursor = new JsonCursor().wrap(bytes, 0, bytes.length);
        Object value = value(cursor, cursor.next());
        if (cursor.next() != Token.END) {
            throw new MalformedException(cursor.error() == null ? "content after the value" : cursor.error());
        }
        return value;
    }

    private static Object value(JsonCursor cursor, Token token) throws MalformedException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                for (Token field = cursor.next(); field != Token.END_OBJECT; field = cursor.next()) {
                    if (field != Token.FIELD_NAME) {
                        throw new MalformedException(String.valueOf(cursor.error()));
                    }
                    String name = cursor.tokenString();
                    object.put(name, value(cursor, cursor.next()));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                for (Token item = cursor.next(); item != Token.END_ARRAY; item = cursor.next()) {
                    array.add(value(cursor, item));
                }
                return array;
            }
            case STRING:
            case NUMBER:
                return cursor.tokenString();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case NULL:
                return null;
            default:
                throw new MalformedException(cursor.error() == null ? "expected a value" : cursor.error());
        }
    }

    /** A field of an object, or null when the value is not an object or lacks the field. */
    static Object field(Object object, String name) {
        return object instanceof Map<?, ?> map ? map.get(name) : null;
    }

    /** The strings of a list value, or null when it is not a list of strings. */
    static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String string)) {
                return null;
            }
            strings.add(string);
        }
        return strings;
    }
}
