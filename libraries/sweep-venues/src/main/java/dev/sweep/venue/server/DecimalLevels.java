package dev.sweep.venue.server;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sweep.core.BookSide;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import java.io.IOException;

/**
 * Levels as the venues that write them as arrays of decimal strings do ({@code ["30247.2","30.028"]}: Bybit, OKX):
 * price and size without trailing zeros, then whatever the venue adds to a level.
 */
public final class DecimalLevels {

    /** What a venue writes after a level's price and size, before the array closes (OKX: {@code "0"} and orders). */
    @FunctionalInterface
    public interface Tail {
        void write(JsonGenerator json, long size) throws IOException;
    }

    /** Nothing after the price and size. */
    public static final Tail NONE = (json, size) -> { };

    private DecimalLevels() {
    }

    /** Every level of the side, best first. */
    public static void writeSide(JsonGenerator json, BookSide side, Instrument instrument, Tail tail)
            throws IOException {
        for (int i = 0; i < side.depth(); i++) {
            writeLevel(json, side.price(i), side.size(i), instrument, tail);
        }
    }

    /** One level: {@code [price, size, …tail]}. */
    public static void writeLevel(JsonGenerator json, long price, long size, Instrument instrument, Tail tail)
            throws IOException {
        json.writeStartArray();
        json.writeString(FixedPoint.format(price, instrument.priceScale()));
        json.writeString(FixedPoint.format(size, instrument.sizeScale()));
        tail.write(json, size);
        json.writeEndArray();
    }
}
