package dev.sweep.venue.okx;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.venue.json.JsonWriter;
import dev.sweep.venue.server.DecimalLevels;
import java.io.IOException;
import java.util.List;

/**
 * Writes OKX v5 server frames: {@code books} snapshots and updates, subscribe acks, errors. Decimals are strings
 * without trailing zeros, as OKX writes them; a level is {@code [price, size, "0", orders]}. Not thread-safe.
 */
final class OkxProxy {

    /** The ids of one {@code books} message. */
    record Ids(long previous, long id, long checksum) {
    }

    /** After price and size: the deprecated {@code "0"} and the number of orders, which the simulator makes 1. */
    private static final DecimalLevels.Tail OKX_TAIL = (json, size) -> {
        json.writeString("0");
        json.writeString(size == 0 ? "0" : "1");
    };

    private final JsonWriter writer = new JsonWriter();

    /** The book as the client sees it at its depth: asks best first, then bids best first. */
    String snapshot(String instId, OrderBook view, Ids ids, long millis) {
        return books(instId, "snapshot", ids, millis, json -> {
            json.writeArrayFieldStart("asks");
            DecimalLevels.writeSide(json, view.asks(), view.instrument(), OKX_TAIL);
            json.writeEndArray();
            json.writeArrayFieldStart("bids");
            DecimalLevels.writeSide(json, view.bids(), view.instrument(), OKX_TAIL);
            json.writeEndArray();
        });
    }

    /** Level changes (size 0 deletes); none for the message that says nothing changed. */
    String update(String instId, List<Level> changes, Instrument instrument, Ids ids, long millis) {
        return books(instId, "update", ids, millis, json -> {
            for (Side side : List.of(Side.ASK, Side.BID)) {
                json.writeArrayFieldStart(side == Side.ASK ? "asks" : "bids");
                for (Level change : changes) {
                    if (change.side() == side) {
                        DecimalLevels.writeLevel(json, change.price(), change.size(), instrument, OKX_TAIL);
                    }
                }
                json.writeEndArray();
            }
        });
    }

    String subscribed(String requestId, String channel, String instId, String connectionId) {
        return writer.write(json -> {
            json.writeStartObject();
            if (!requestId.isEmpty()) {
                json.writeStringField("id", requestId);
            }
            json.writeStringField("event", "subscribe");
            writeArg(json, channel, instId);
            json.writeStringField("connId", connectionId);
            json.writeEndObject();
        });
    }

    String error(String requestId, String code, String message, String connectionId) {
        return writer.write(json -> {
            json.writeStartObject();
            if (!requestId.isEmpty()) {
                json.writeStringField("id", requestId);
            }
            json.writeStringField("event", "error");
            json.writeStringField("code", code);
            json.writeStringField("msg", message);
            json.writeStringField("connId", connectionId);
            json.writeEndObject();
        });
    }

    /**
     * The answer to {@code GET /api/v5/market/books}: {@code {"code":"0","msg":"","data":[{"asks":[…],"bids":[…],
     * "ts":"…","seqId":…}]}}, {@code ts} the time it is answered, in milliseconds since 1970.
     */
    static String restBooks(OrderBook view, long seqId, long millis) {
        return JsonWriter.text(json -> {
            json.writeStartObject();
            json.writeStringField("code", "0");
            json.writeStringField("msg", "");
            json.writeArrayFieldStart("data");
            json.writeStartObject();
            json.writeArrayFieldStart("asks");
            DecimalLevels.writeSide(json, view.asks(), view.instrument(), OKX_TAIL);
            json.writeEndArray();
            json.writeArrayFieldStart("bids");
            DecimalLevels.writeSide(json, view.bids(), view.instrument(), OKX_TAIL);
            json.writeEndArray();
            json.writeStringField("ts", Long.toString(millis));
            json.writeNumberField("seqId", seqId);
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** A REST error: {@code {"code":"51001","msg":"Instrument ID does not exist","data":[]}}. */
    static String restError(String code, String message) {
        return JsonWriter.text(json -> {
            json.writeStartObject();
            json.writeStringField("code", code);
            json.writeStringField("msg", message);
            json.writeArrayFieldStart("data");
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private String books(String instId, String action, Ids ids, long millis, JsonWriter.Body levels) {
        return writer.write(json -> {
            json.writeStartObject();
            writeArg(json, OkxVenue.CHANNEL, instId);
            json.writeStringField("action", action);
            json.writeArrayFieldStart("data");
            json.writeStartObject();
            levels.write(json);
            json.writeStringField("ts", Long.toString(millis));
            json.writeNumberField("checksum", ids.checksum());
            json.writeNumberField("prevSeqId", ids.previous());
            json.writeNumberField("seqId", ids.id());
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void writeArg(JsonGenerator json, String channel, String instId) throws IOException {
        json.writeObjectFieldStart("arg");
        json.writeStringField("channel", channel);
        json.writeStringField("instId", instId);
        json.writeEndObject();
    }
}
