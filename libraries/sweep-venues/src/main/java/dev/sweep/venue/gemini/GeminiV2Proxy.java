package dev.sweep.venue.gemini;

import dev.sweep.core.BookSide;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.venue.json.JsonWriter;
import dev.sweep.venue.json.QuotedStrings;
import java.util.List;

/**
 * Writes Gemini market data v2 server frames: the initial {@code l2_updates} with the whole book (and the
 * {@code trades} and {@code auction_events} that mark it as the snapshot), later {@code l2_updates}, trades,
 * heartbeats and errors. Not thread-safe.
 *
 * <p>Book and trade frames, written for every market step, are appended to a reused {@code StringBuilder}: they hold
 * only a symbol (escaped once, see {@link QuotedStrings}) and decimals, and the generator would make the simulator's
 * update stream markedly slower. Every other frame goes through the generator.
 */
public final class GeminiV2Proxy {

    private final JsonWriter writer = new JsonWriter();
    private final StringBuilder out = new StringBuilder(1024);
    private final QuotedStrings symbols = new QuotedStrings();

    /** The first message of a subscription: the whole book, bids best first, then asks best first. */
    public String snapshot(String symbol, OrderBook book) {
        startChanges(symbol);
        boolean first = appendSide(book.bids(), book.instrument(), true);
        appendSide(book.asks(), book.instrument(), first);
        return out.append("],\"trades\":[],\"auction_events\":[]}").toString();
    }

    /** Level changes in the order the client must apply them (size 0 deletes). */
    public String update(String symbol, List<Level> changes, Instrument instrument) {
        startChanges(symbol);
        for (int i = 0; i < changes.size(); i++) {
            Level change = changes.get(i);
            appendChange(i == 0, change.side(), change.price(), change.size(), instrument);
        }
        return out.append("]}").toString();
    }

    /** A trade: the taker's side, its price and quantity. Trades do not change the book by themselves. */
    public String trade(String symbol, long eventId, long timestampMillis, Side takerSide, long price, long quantity,
                        Instrument instrument) {
        out.setLength(0);
        out.append("{\"type\":\"trade\",\"symbol\":").append(symbols.of(symbol)).append(",\"event_id\":")
                .append(eventId).append(",\"timestamp\":").append(timestampMillis).append(",\"price\":\"");
        FixedPoint.appendPlain(out, price, instrument.priceScale()).append("\",\"quantity\":\"");
        FixedPoint.appendPlain(out, quantity, instrument.sizeScale()).append("\",\"side\":\"")
                .append(takerSide == Side.BID ? "buy" : "sell").append("\",\"tid\":").append(eventId).append('}');
        return out.toString();
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

    private void startChanges(String symbol) {
        out.setLength(0);
        out.append("{\"type\":\"l2_updates\",\"symbol\":").append(symbols.of(symbol)).append(",\"changes\":[");
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
        out.append(first ? "[\"" : ",[\"").append(side == Side.BID ? "buy" : "sell").append("\",\"");
        FixedPoint.appendPlain(out, price, instrument.priceScale()).append("\",\"");
        FixedPoint.appendPlain(out, size, instrument.sizeScale()).append("\"]");
    }
}
