package dev.sweep.venue.json;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.HashMap;
import java.util.Map;

/**
 * JSON string literals of the few strings a writer repeats in every frame (symbols), escaped once by jackson-core and
 * kept: the hot market-data frames are appended to a {@code StringBuilder}, which is faster than the generator, and
 * still never write a string unescaped. Not thread-safe.
 */
public final class QuotedStrings {

    private final Map<String, String> quoted = new HashMap<>();

    /** {@code text} as a JSON string literal, quotes included. */
    public String of(String text) {
        return quoted.computeIfAbsent(text, QuotedStrings::quote);
    }

    private static String quote(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }
}
