package dev.sweep.venue.gemini;

import dev.sweep.core.BookSide;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import java.util.List;

/**
 * Writes Gemini market data v2 server frames: the initial {@code l2_updates} with the whole book (and the
 * {@code trades} and {@code auction_events} that mark it as the snapshot), later {@code l2_updates}, trades,
 * heartbeats and errors. Not thread-safe.
 */
public final class GeminiV2Proxy {

    private final StringBuilder out = new StringBuilder(1024);

    /** The first message of a subscription: the whole book, bids best first, then asks best first. */
    public String snapshot(String symbol, OrderBook book) {
        start(symbol);
        boolean first = appendSide(book.bids(), book.instrument(), true);
        appendSide(book.asks(), book.instrument(), first);
        return out.append("],\"trades\":[],\"auction_events\":[]}").toString();
    }

    /** Level changes in the order the client must apply them (size 0 deletes). */
    public String update(String symbol, List<Level> changes, Instrument instrument) {
        start(symbol);
        for (int i = 0; i < changes.size(); i++) {
            Level change = changes.get(i);
            appendChange(i == 0, change.side(), change.price(), change.size(), instrument);
        }
        return out.append("]}").toString();
    }

    /** A trade: the taker's side, its price and quantity. Trades do not change the book by themselves. */
    public String trade(String symbol, long eventId, long timestampMillis, Side takerSide, long price, long quantity,
                        Instrument instrument) {
        return "{\"type\":\"trade\",\"symbol\":\"" + symbol + "\",\"event_id\":" + eventId + ",\"timestamp\":"
                + timestampMillis + ",\"price\":\"" + FixedPoint.format(price, instrument.priceScale())
                + "\",\"quantity\":\"" + FixedPoint.format(quantity, instrument.sizeScale()) + "\",\"side\":\""
                + (takerSide == Side.BID ? "buy" : "sell") + "\",\"tid\":" + eventId + "}";
    }

    public String heartbeat(long timestampMillis) {
        return "{\"type\":\"heartbeat\",\"timestamp\":" + timestampMillis + "}";
    }

    /** An error as Gemini's market data API reports one. */
    public String error(String reason, String message) {
        return "{\"type\":\"error\",\"result\":\"error\",\"reason\":\"" + reason + "\",\"message\":\"" + message + "\"}";
    }

    private void start(String symbol) {
        out.setLength(0);
        out.append("{\"type\":\"l2_updates\",\"symbol\":\"").append(symbol).append("\",\"changes\":[");
    }

    private boolean appendSide(BookSide side, Instrument instrument, boolean first) {
        boolean isFirst = first;
        for (int i = 0; i < side.depth(); i++) {
            appendChange(isFirst, side.side(), side.price(i), side.size(i), instrument);
            isFirst = false;
        }
        return isFirst;
    }

    private void appendChange(boolean first, Side side, long price, long size, Instrument instrument) {
        out.append(first ? "[\"" : ",[\"").append(side == Side.BID ? "buy" : "sell").append("\",\"")
                .append(FixedPoint.format(price, instrument.priceScale())).append("\",\"")
                .append(FixedPoint.format(size, instrument.sizeScale())).append("\"]");
    }
}
