package dev.sweep.venue.json;

import java.util.List;
import java.util.stream.Collectors;

/** Small pieces of outgoing JSON for subscribe messages; the values are symbols, which need no escaping. */
public final class JsonText {

    private JsonText() {
    }

    /** {@code ["BTC/USD","ETH/USD"]}. */
    public static String array(List<String> symbols) {
        return symbols.stream().map(symbol -> "\"" + symbol + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
