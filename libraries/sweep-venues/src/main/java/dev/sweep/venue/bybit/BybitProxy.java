package dev.sweep.venue.bybit;

import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.venue.json.JsonWriter;
import dev.sweep.venue.server.DecimalLevels;
import java.util.List;

/**
 * Writes Bybit spot v5 server frames: {@code orderbook} snapshots and deltas (with {@code ts} before {@code type}, as
 * spot writes them), the answers to {@code subscribe} and {@code ping}. Decimals are strings without trailing zeros,
 * as Bybit's REST books have them. Not thread-safe.
 */
final class BybitProxy {

    private final JsonWriter writer = new JsonWriter();

    /** The book as the client sees it at its depth: bids best first, then asks best first. */
    String snapshot(String topic, String symbol, OrderBook view, long u, long seq, long millis) {
        return book(topic, "snapshot", symbol, u, seq, millis, json -> {
            json.writeArrayFieldStart("b");
            DecimalLevels.writeSide(json, view.bids(), view.instrument(), DecimalLevels.NONE);
            json.writeEndArray();
            json.writeArrayFieldStart("a");
            DecimalLevels.writeSide(json, view.asks(), view.instrument(), DecimalLevels.NONE);
            json.writeEndArray();
        });
    }

    /** Level changes (size 0 deletes), bids then asks. */
    String delta(String topic, String symbol, List<Level> changes, Instrument instrument, long u, long seq,
                 long millis) {
        return book(topic, "delta", symbol, u, seq, millis, json -> {
            for (Side side : Side.values()) {
                json.writeArrayFieldStart(side == Side.BID ? "b" : "a");
                for (Level change : changes) {
                    if (change.side() == side) {
                        DecimalLevels.writeLevel(json, change.price(), change.size(), instrument, DecimalLevels.NONE);
                    }
                }
                json.writeEndArray();
            }
        });
    }

    /** The answer to a request: {@code subscribe} with its outcome, or an error for any other op. */
    String answer(boolean success, String message, String connectionId, String requestId, String op) {
        return writer.write(json -> {
            json.writeStartObject();
            json.writeBooleanField("success", success);
            json.writeStringField("ret_msg", message);
            json.writeStringField("conn_id", connectionId);
            json.writeStringField("req_id", requestId);
            json.writeStringField("op", op);
            json.writeEndObject();
        });
    }

    /** The spot pong: no {@code req_id}, its {@code op} is the request's. */
    String pong(String connectionId) {
        return writer.write(json -> {
            json.writeStartObject();
            json.writeBooleanField("success", true);
            json.writeStringField("ret_msg", "pong");
            json.writeStringField("conn_id", connectionId);
            json.writeStringField("op", "ping");
            json.writeEndObject();
        });
    }

    private String book(String topic, String type, String symbol, long u, long seq, long millis,
                        JsonWriter.Body levels) {
        return writer.write(json -> {
            json.writeStartObject();
            json.writeStringField("topic", topic);
            json.writeNumberField("ts", millis);
            json.writeStringField("type", type);
            json.writeObjectFieldStart("data");
            json.writeStringField("s", symbol);
            levels.write(json);
            json.writeNumberField("u", u);
            json.writeNumberField("seq", seq);
            json.writeEndObject();
            json.writeNumberField("cts", millis);
            json.writeEndObject();
        });
    }
}
