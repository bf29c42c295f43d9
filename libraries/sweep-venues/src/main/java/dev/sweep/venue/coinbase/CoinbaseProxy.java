package dev.sweep.venue.coinbase;

import dev.sweep.core.BookSide;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
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

    private final StringBuilder out = new StringBuilder(1024);

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
        String eventTime = timestamp.toString();
        for (int i = 0; i < changes.size(); i++) {
            Level change = changes.get(i);
            appendUpdate(i == 0, change.side(), change.price(), change.size(), instrument, eventTime);
        }
        return endEvent();
    }

    /** The acknowledgement listing every subscription of the connection, by channel. */
    public String subscriptions(Map<String, List<String>> productsByChannel, long sequence, Instant timestamp) {
        out.setLength(0);
        out.append("{\"channel\":\"subscriptions\",\"client_id\":\"\",\"timestamp\":\"").append(timestamp)
                .append("\",\"sequence_num\":").append(sequence).append(",\"events\":[{\"subscriptions\":{");
        boolean firstChannel = true;
        for (Map.Entry<String, List<String>> channel : productsByChannel.entrySet()) {
            out.append(firstChannel ? "" : ",").append('"').append(channel.getKey()).append("\":[");
            for (int i = 0; i < channel.getValue().size(); i++) {
                out.append(i == 0 ? "" : ",").append('"').append(channel.getValue().get(i)).append('"');
            }
            out.append(']');
            firstChannel = false;
        }
        return out.append("}}]}").toString();
    }

    public String heartbeat(long counter, long sequence, Instant timestamp) {
        return "{\"channel\":\"heartbeats\",\"client_id\":\"\",\"timestamp\":\"" + timestamp + "\",\"sequence_num\":"
                + sequence + ",\"events\":[{\"current_time\":\"" + timestamp + "\",\"heartbeat_counter\":" + counter
                + "}]}";
    }

    /** An error frame: Coinbase sends these without {@code sequence_num}. */
    public String error(String message) {
        return "{\"type\":\"error\",\"message\":\"" + message + "\"}";
    }

    private void startEvent(String type, String productId, long sequence, Instant timestamp) {
        out.setLength(0);
        out.append("{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"").append(timestamp)
                .append("\",\"sequence_num\":").append(sequence).append(",\"events\":[{\"type\":\"").append(type)
                .append("\",\"product_id\":\"").append(productId).append("\",\"updates\":[");
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
                .append("\",\"event_time\":\"").append(eventTime).append("\",\"price_level\":\"")
                .append(FixedPoint.format(price, instrument.priceScale())).append("\",\"new_quantity\":\"")
                .append(FixedPoint.format(size, instrument.sizeScale())).append("\"}");
    }
}
