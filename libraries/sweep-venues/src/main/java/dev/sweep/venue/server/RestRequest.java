package dev.sweep.venue.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A REST request as a venue's dialect reads it: the path below the venue's REST endpoint and the query's parameters,
 * decoded ({@code /api/v3/depth?symbol=BTCUSDT&limit=5000}). A parameter given twice keeps its first value.
 *
 * @param path       the path, without the query
 * @param parameters the query's parameters, in order
 */
public record RestRequest(String path, Map<String, String> parameters) {

    public static RestRequest parse(String request) {
        int question = request.indexOf('?');
        Map<String, String> parameters = new LinkedHashMap<>();
        if (question >= 0) {
            for (String pair : request.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                if (!name.isEmpty()) {
                    parameters.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
                }
            }
        }
        return new RestRequest(question < 0 ? request : request.substring(0, question),
                Collections.unmodifiableMap(parameters));
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A malformed escape is read as it stands: the dialect then refuses the value it makes.
            return text;
        }
    }
}
