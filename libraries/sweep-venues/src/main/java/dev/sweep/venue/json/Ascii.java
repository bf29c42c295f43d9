package dev.sweep.venue.json;

import java.nio.charset.StandardCharsets;

/** ASCII constants for comparing tokens in place ({@link JsonCursor#tokenEquals}). */
public final class Ascii {

    private Ascii() {
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
