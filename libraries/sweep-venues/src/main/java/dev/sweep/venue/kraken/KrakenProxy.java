package dev.sweep.venue.kraken;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sweep.core.BookSide;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.venue.json.JsonWriter;
import dev.sweep.venue.json.QuotedStrings;
import dev.sweep.venue.json.VenueTimes;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes Kraken v2 server frames, as the exchange does: prices and quantities as JSON numbers with the pair's
 * precisions, the checksum of the book after the message, times in microseconds. The simulator speaks Kraken with
 * it, and tests build frames with it. Not thread-safe.
 *
 * <p>Book frames, written for every market step, are appended to a reused {@code StringBuilder}: they hold only a
 * symbol (escaped once, see {@link QuotedStrings}), digits and a time, and the generator would make the simulator's
 * update stream markedly slower. Every other frame goes through the generator.
 */
public final class KrakenProxy {

    private final KrakenChecksum checksum = new KrakenChecksum();
    private final JsonWriter writer = new JsonWriter();
    private final StringBuilder out = new StringBuilder(1024);
    private final QuotedStrings symbols = new QuotedStrings();

    /**
     * A book snapshot of the best {@code depth} levels per side.
     *
     * @param book the venue's book, at least as deep as {@code depth}
     */
    public String bookSnapshot(String symbol, OrderBook book, int depth, int pricePrecision, int qtyPrecision,
                               Instant timestamp) {
        startBook("snapshot", symbol);
        out.append("\"bids\":[");
        appendLevels(book.bids(), depth, book, pricePrecision, qtyPrecision);
        out.append("],\"asks\":[");
        appendLevels(book.asks(), depth, book, pricePrecision, qtyPrecision);
        out.append("],");
        return endBook(book, pricePrecision, qtyPrecision, timestamp);
    }

    /**
     * A book update.
     *
     * @param changes   the level changes in the order the client must apply them (size 0 deletes)
     * @param bookAfter the client's view after applying them and truncating to its depth: the checksum is taken on it
     */
    public String bookUpdate(String symbol, List<Level> changes, OrderBook bookAfter, int pricePrecision,
                             int qtyPrecision, Instant timestamp) {
        startBook("update", symbol);
        for (Side side : Side.values()) {
            out.append(side == Side.BID ? "\"bids\":[" : ",\"asks\":[");
            boolean first = true;
            for (Level change : changes) {
                if (change.side() == side) {
                    if (!first) {
                        out.append(',');
                    }
                    appendLevel(change.price(), change.size(), bookAfter, pricePrecision, qtyPrecision);
                    first = false;
                }
            }
            out.append(']');
        }
        out.append(',');
        return endBook(bookAfter, pricePrecision, qtyPrecision, timestamp);
    }

    /** Overrides the checksum a frame carries, to simulate corruption: returns the frame with {@code wrong} instead. */
    public static String withChecksum(String frame, long wrong) {
        int start = frame.indexOf("\"checksum\":") + "\"checksum\":".length();
        int end = start;
        while (Character.isDigit(frame.charAt(end))) {
            end++;
        }
        return frame.substring(0, start) + wrong + frame.substring(end);
    }

    public String heartbeat() {
        return writer.write(json -> {
            json.writeStartObject();
            json.writeStringField("channel", "heartbeat");
            json.writeEndObject();
        });
    }

    /** The status frame Kraken sends on every connect, before anything else. */
    public String status(long connectionId) {
        return writer.write(json -> {
            json.writeStartObject();
            json.writeStringField("channel", "status");
            json.writeStringField("type", "update");
            json.writeArrayFieldStart("data");
            json.writeStartObject();
            json.writeStringField("version", "2.0.10");
            json.writeStringField("system", "online");
            json.writeStringField("api_version", "v2");
            json.writeFieldName("connection_id");
            json.writeNumber(Long.toUnsignedString(connectionId));
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** A successful book subscription, one per symbol. */
    public String bookSubscribed(String symbol, int depth, long reqId, Instant timeIn, Instant timeOut) {
        return writer.write(json -> {
            startResponse(json, "subscribe", reqId);
            json.writeObjectFieldStart("result");
            json.writeStringField("channel", "book");
            json.writeNumberField("depth", depth);
            json.writeBooleanField("snapshot", true);
            json.writeStringField("symbol", symbol);
            json.writeEndObject();
            endResponse(json, true, timeIn, timeOut);
        });
    }

    /** A successful instrument subscription. */
    public String instrumentSubscribed(long reqId, Instant timeIn, Instant timeOut) {
        return writer.write(json -> {
            startResponse(json, "subscribe", reqId);
            json.writeObjectFieldStart("result");
            json.writeStringField("channel", "instrument");
            json.writeBooleanField("snapshot", true);
            json.writeEndObject();
            endResponse(json, true, timeIn, timeOut);
        });
    }

    /** A book subscription ended. */
    public String bookUnsubscribed(String symbol, long reqId, Instant timeIn, Instant timeOut) {
        return writer.write(json -> {
            startResponse(json, "unsubscribe", reqId);
            json.writeObjectFieldStart("result");
            json.writeStringField("channel", "book");
            json.writeStringField("symbol", symbol);
            json.writeEndObject();
            endResponse(json, true, timeIn, timeOut);
        });
    }

    /** A refused request: {@code error} is Kraken's reason, e.g. {@code Currency pair not supported PUPS/USD}. */
    public String requestFailed(String method, String error, long reqId, Instant timeIn, Instant timeOut) {
        return writer.write(json -> {
            json.writeStartObject();
            json.writeStringField("error", error);
            json.writeStringField("method", method);
            json.writeNumberField("req_id", reqId);
            endResponse(json, false, timeIn, timeOut);
        });
    }

    public String pong(long reqId, Instant timeIn, Instant timeOut) {
        return writer.write(json -> {
            json.writeStartObject();
            json.writeStringField("method", "pong");
            json.writeNumberField("req_id", reqId);
            json.writeStringField("time_in", micros(timeIn));
            json.writeStringField("time_out", micros(timeOut));
            json.writeEndObject();
        });
    }

    /** An instrument snapshot listing pairs with their precisions: {@code {price_precision, qty_precision}} each. */
    public String instrumentSnapshot(List<String> symbols, List<int[]> precisions) {
        return writer.write(json -> {
            json.writeStartObject();
            json.writeStringField("channel", "instrument");
            json.writeStringField("type", "snapshot");
            json.writeObjectFieldStart("data");
            json.writeArrayFieldStart("assets");
            json.writeEndArray();
            json.writeArrayFieldStart("pairs");
            for (int i = 0; i < symbols.size(); i++) {
                String symbol = symbols.get(i);
                int slash = symbol.indexOf('/');
                json.writeStartObject();
                json.writeStringField("symbol", symbol);
                json.writeStringField("base", symbol.substring(0, slash));
                json.writeStringField("quote", symbol.substring(slash + 1));
                json.writeStringField("status", "online");
                json.writeNumberField("qty_precision", precisions.get(i)[1]);
                json.writeNumberField("price_precision", precisions.get(i)[0]);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    private static void startResponse(JsonGenerator json, String method, long reqId) throws IOException {
        json.writeStartObject();
        json.writeStringField("method", method);
        json.writeNumberField("req_id", reqId);
    }

    private static void endResponse(JsonGenerator json, boolean success, Instant timeIn, Instant timeOut)
            throws IOException {
        json.writeBooleanField("success", success);
        json.writeStringField("time_in", micros(timeIn));
        json.writeStringField("time_out", micros(timeOut));
        json.writeEndObject();
    }

    private void startBook(String type, String symbol) {
        out.setLength(0);
        out.append("{\"channel\":\"book\",\"type\":\"").append(type).append("\",\"data\":[{\"symbol\":")
                .append(symbols.of(symbol)).append(',');
    }

    private String endBook(OrderBook book, int pricePrecision, int qtyPrecision, Instant timestamp) {
        out.append("\"checksum\":").append(checksum.compute(book, pricePrecision, qtyPrecision))
                .append(",\"timestamp\":\"");
        // Kraken writes times to the microsecond.
        VenueTimes.appendIso(out, timestamp.getEpochSecond(), timestamp.getNano() - timestamp.getNano() % 1_000)
                .append("\"}]}");
        return out.toString();
    }

    /** Kraken writes times to the microsecond. */
    private static String micros(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS).toString();
    }

    private void appendLevels(BookSide side, int depth, OrderBook book, int pricePrecision, int qtyPrecision) {
        int levels = Math.min(depth, side.depth());
        for (int i = 0; i < levels; i++) {
            if (i > 0) {
                out.append(',');
            }
            appendLevel(side.price(i), side.size(i), book, pricePrecision, qtyPrecision);
        }
    }

    /** A level's price and quantity as JSON numbers with exactly the pair's decimals ({@code 0.10000000}). */
    private void appendLevel(long price, long size, OrderBook book, int pricePrecision, int qtyPrecision) {
        out.append("{\"price\":");
        FixedPoint.append(out, price, book.instrument().priceScale(), pricePrecision);
        out.append(",\"qty\":");
        FixedPoint.append(out, size, book.instrument().sizeScale(), qtyPrecision);
        out.append('}');
    }
}
