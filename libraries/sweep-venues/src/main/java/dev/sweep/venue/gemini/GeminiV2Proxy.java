package dev.sweep.venue.gemini;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sweep.core.BookSide;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.venue.json.JsonWriter;
import java.io.IOException;
import java.util.List;

/**
 * Writes Gemini market data v2 server frames: the initial {@code l2_updates} with the whole book (and the
 * {@code trades} and {@code auction_events} that mark it as the snapshot), later {@code l2_updates}, trades,
 * heartbeats and errors. Not thread-safe.
 */
public final class GeminiV2Proxy {

    private final JsonWriter writer = new JsonWriter();

    /** The first message of a subscription: the whole book, bids best first, then asks best first. */
    public String snapshot(String symbol, OrderBook book) {
        return writer.write(json -> {
            startChanges(json, symbol);
            writeSide(json, book.bids(), book.instrument());
            writeSide(json, book.asks(), book.instrument());
            json.writeEndArray();
            json.writeArrayFieldStart("trades");
            json.writeEndArray();
            json.writeArrayFieldStart("auction_events");
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** Level changes in the order the client must apply them (size 0 deletes). */
    public String update(String symbol, List<Level> changes, Instrument instrument) {
        return writer.write(json -> {
            startChanges(json, symbol);
            for (Level change : changes) {
                writeChange(json, change.side(), change.price(), change.size(), instrument);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** A trade: the taker's side, its price and quantity. Trades do not change the book by themselves. */
    public String trade(String symbol, long eventId, long timestampMillis, Side takerSide, long price, long quantity,
                        Instrument instrument) {
        return writer.write(json -> {
            json.writeStartObject();
            json.writeStringField("type", "trade");
            json.writeStringField("symbol", symbol);
            json.writeNumberField("event_id", eventId);
            json.writeNumberField("timestamp", timestampMillis);
            json.writeStringField("price", FixedPoint.format(price, instrument.priceScale()));
            json.writeStringField("quantity", FixedPoint.format(quantity, instrument.sizeScale()));
            json.writeStringField("side", takerSide == Side.BID ? "buy" : "sell");
            json.writeNumberField("tid", eventId);
            json.writeEndObject();
        });
    }

    public String heartbeat(long timestampMillis) {
        return writer.write(json -> {
            json.writeStartObject();
            json.writeStringField("type", "heartbeat");
            json.writeNumberField("timestamp", timestampMillis);
            json.writeEndObject();
        });
    }

    /** An error as Gemini's market data API reports one. */
    public String error(String reason, String message) {
        return writer.write(json -> {
            json.writeStartObject();
            json.writeStringField("type", "error");
            json.writeStringField("result", "error");
            json.writeStringField("reason", reason);
            json.writeStringField("message", message);
            json.writeEndObject();
        });
    }

    private static void startChanges(JsonGenerator json, String symbol) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "l2_updates");
        json.writeStringField("symbol", symbol);
        json.writeArrayFieldStart("changes");
    }

    private static void writeSide(JsonGenerator json, BookSide side, Instrument instrument) throws IOException {
        for (int i = 0; i < side.depth(); i++) {
            writeChange(json, side.side(), side.price(i), side.size(i), instrument);
        }
    }

    private static void writeChange(JsonGenerator json, Side side, long price, long size, Instrument instrument)
            throws IOException {
        json.writeStartArray();
        json.writeString(side == Side.BID ? "buy" : "sell");
        json.writeString(FixedPoint.format(price, instrument.priceScale()));
        json.writeString(FixedPoint.format(size, instrument.sizeScale()));
        json.writeEndArray();
    }
}
