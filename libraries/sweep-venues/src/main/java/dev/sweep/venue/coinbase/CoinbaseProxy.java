package dev.sweep.venue.coinbase;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sweep.core.BookSide;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.venue.json.JsonWriter;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes Coinbase Advanced Trade server frames: the {@code l2_data} snapshot and updates, {@code subscriptions},
 * {@code heartbeats} and errors, each data frame with the connection's next {@code sequence_num}, which the caller
 * supplies. Decimals are strings without trailing zeros, as Coinbase writes them. Not thread-safe.
 */
public final class CoinbaseProxy {

    /** Coinbase's {@code event_time} for every level of a snapshot. */
    private static final String SNAPSHOT_EVENT_TIME = "1970-01-01T00:00:00Z";

    private final JsonWriter writer = new JsonWriter();

    /** The whole book of a product: bids best first, then offers best first. */
    public String snapshot(String productId, OrderBook book, long sequence, Instant timestamp) {
        return writer.write(json -> {
            startEvent(json, "snapshot", productId, sequence, timestamp);
            writeSide(json, book.bids(), book.instrument());
            writeSide(json, book.asks(), book.instrument());
            endEvent(json);
        });
    }

    /** Level changes in the order the client must apply them (size 0 deletes). */
    public String update(String productId, List<Level> changes, Instrument instrument, long sequence,
                         Instant timestamp) {
        return writer.write(json -> {
            startEvent(json, "update", productId, sequence, timestamp);
            String eventTime = timestamp.toString();
            for (Level change : changes) {
                writeUpdate(json, change.side(), change.price(), change.size(), instrument, eventTime);
            }
            endEvent(json);
        });
    }

    /** The acknowledgement listing every subscription of the connection, by channel. */
    public String subscriptions(Map<String, List<String>> productsByChannel, long sequence, Instant timestamp) {
        return writer.write(json -> {
            startFrame(json, "subscriptions", sequence, timestamp);
            json.writeStartObject();
            json.writeObjectFieldStart("subscriptions");
            for (Map.Entry<String, List<String>> channel : productsByChannel.entrySet()) {
                json.writeArrayFieldStart(channel.getKey());
                for (String product : channel.getValue()) {
                    json.writeString(product);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeEndObject();
            endFrame(json);
        });
    }

    public String heartbeat(long counter, long sequence, Instant timestamp) {
        return writer.write(json -> {
            startFrame(json, "heartbeats", sequence, timestamp);
            json.writeStartObject();
            json.writeStringField("current_time", timestamp.toString());
            json.writeNumberField("heartbeat_counter", counter);
            json.writeEndObject();
            endFrame(json);
        });
    }

    /** An error frame: Coinbase sends these without {@code sequence_num}. */
    public String error(String message) {
        return writer.write(json -> {
            json.writeStartObject();
            json.writeStringField("type", "error");
            json.writeStringField("message", message);
            json.writeEndObject();
        });
    }

    /** Opens a frame of a channel, up to the start of its {@code events}. */
    private static void startFrame(JsonGenerator json, String channel, long sequence, Instant timestamp)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("channel", channel);
        json.writeStringField("client_id", "");
        json.writeStringField("timestamp", timestamp.toString());
        json.writeNumberField("sequence_num", sequence);
        json.writeArrayFieldStart("events");
    }

    private static void endFrame(JsonGenerator json) throws IOException {
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void startEvent(JsonGenerator json, String type, String productId, long sequence, Instant timestamp)
            throws IOException {
        startFrame(json, "l2_data", sequence, timestamp);
        json.writeStartObject();
        json.writeStringField("type", type);
        json.writeStringField("product_id", productId);
        json.writeArrayFieldStart("updates");
    }

    private static void endEvent(JsonGenerator json) throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        endFrame(json);
    }

    private static void writeSide(JsonGenerator json, BookSide side, Instrument instrument) throws IOException {
        for (int i = 0; i < side.depth(); i++) {
            writeUpdate(json, side.side(), side.price(i), side.size(i), instrument, SNAPSHOT_EVENT_TIME);
        }
    }

    private static void writeUpdate(JsonGenerator json, Side side, long price, long size, Instrument instrument,
                                    String eventTime) throws IOException {
        json.writeStartObject();
        json.writeStringField("side", side == Side.BID ? "bid" : "offer");
        json.writeStringField("event_time", eventTime);
        json.writeStringField("price_level", FixedPoint.format(price, instrument.priceScale()));
        json.writeStringField("new_quantity", FixedPoint.format(size, instrument.sizeScale()));
        json.writeEndObject();
    }
}
