package dev.sweep.venue.coinbase;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sweep.core.BookSide;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.venue.json.JsonWriter;
import dev.sweep.venue.json.QuotedStrings;
import dev.sweep.venue.json.VenueTimes;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes Coinbase Advanced Trade server frames: the {@code l2_data} snapshot and updates, {@code subscriptions},
 * {@code heartbeats} and errors, each data frame with the connection's next {@code sequence_num}, which the caller
 * supplies. Decimals are strings without trailing zeros, as Coinbase writes them. Not thread-safe.
 *
 * <p>{@code l2_data} frames, written for every market step, are appended to a reused {@code StringBuilder}: they hold
 * only a product id (escaped once, see {@link QuotedStrings}), decimals and times, and the generator would make the
 * simulator's update stream markedly slower. Every other frame goes through the generator.
 */
public final class CoinbaseProxy {

    /** Coinbase's {@code event_time} for every level of a snapshot. */
    private static final String SNAPSHOT_EVENT_TIME = "1970-01-01T00:00:00Z";

    private final JsonWriter writer = new JsonWriter();
    private final StringBuilder out = new StringBuilder(1024);
    private final QuotedStrings products = new QuotedStrings();

    /** The whole book of a product: bids best first, then offers best first. */
    public String snapshot(String productId, OrderBook book, long sequence, Instant timestamp) {
        startEvent("snapshot", productId, sequence, timestamp);
        boolean first = appendSide(book.bids(), book.instrument(), true);
        appendSide(book.asks(), book.instrument(), first);
        return endEvent();
    }

    /** Level changes in the order the client must apply them (size 0 deletes). */
    public String update(String productId, List<Level> changes, Instrument instrument, long sequence,
                         Instant timestamp) {
        startEvent("update", productId, sequence, timestamp);
        String eventTime = VenueTimes.appendIso(new StringBuilder(32), timestamp.getEpochSecond(), timestamp.getNano())
                .toString();
        for (int i = 0; i < changes.size(); i++) {
            Level change = changes.get(i);
            appendUpdate(i == 0, change.side(), change.price(), change.size(), instrument, eventTime);
        }
        return endEvent();
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

    private void startEvent(String type, String productId, long sequence, Instant timestamp) {
        out.setLength(0);
        out.append("{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"");
        VenueTimes.appendIso(out, timestamp.getEpochSecond(), timestamp.getNano()).append("\",\"sequence_num\":")
                .append(sequence).append(",\"events\":[{\"type\":\"").append(type).append("\",\"product_id\":")
                .append(products.of(productId)).append(",\"updates\":[");
    }

    private String endEvent() {
        return out.append("]}]}").toString();
    }

    private boolean appendSide(BookSide side, Instrument instrument, boolean first) {
        boolean isFirst = first;
        for (int i = 0; i < side.depth(); i++) {
            appendUpdate(isFirst, side.side(), side.price(i), side.size(i), instrument, SNAPSHOT_EVENT_TIME);
            isFirst = false;
        }
        return isFirst;
    }

    private void appendUpdate(boolean first, Side side, long price, long size, Instrument instrument, String eventTime) {
        out.append(first ? "" : ",").append("{\"side\":\"").append(side == Side.BID ? "bid" : "offer")
                .append("\",\"event_time\":\"").append(eventTime).append("\",\"price_level\":\"");
        FixedPoint.appendPlain(out, price, instrument.priceScale()).append("\",\"new_quantity\":\"");
        FixedPoint.appendPlain(out, size, instrument.sizeScale()).append("\"}");
    }
}
