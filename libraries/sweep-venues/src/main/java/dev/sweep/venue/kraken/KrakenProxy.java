package dev.sweep.venue.kraken;

import dev.sweep.core.BookSide;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import java.time.Instant;
import java.util.List;

/**
 * Writes Kraken v2 server frames, as the exchange does: prices and quantities as JSON numbers with the pair's
 * precisions, the checksum of the book after the message. The simulator speaks Kraken with it, and tests build
 * frames with it. Not thread-safe.
 */
public final class KrakenProxy {

    private final KrakenChecksum checksum = new KrakenChecksum();
    private final StringBuilder out = new StringBuilder(1024);

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
        return "{\"channel\":\"heartbeat\"}";
    }

    /** The status frame Kraken sends on every connect, before anything else. */
    public String status(String connectionId) {
        return "{\"channel\":\"status\",\"type\":\"update\",\"data\":[{\"version\":\"2.0.10\",\"system\":\"online\","
                + "\"api_version\":\"v2\",\"connection_id\":" + connectionId + "}]}";
    }

    /** A successful subscription, one per symbol. */
    public String bookSubscribed(String symbol, int depth, long reqId, Instant timeIn, Instant timeOut) {
        return "{\"method\":\"subscribe\",\"req_id\":" + reqId + ",\"result\":{\"channel\":\"book\",\"depth\":" + depth
                + ",\"snapshot\":true,\"symbol\":\"" + symbol + "\"},\"success\":true,\"time_in\":\"" + timeIn
                + "\",\"time_out\":\"" + timeOut + "\"}";
    }

    /** A refused request: {@code error} is Kraken's reason, e.g. {@code Currency pair not supported PUPS/USD}. */
    public String requestFailed(String method, String error, long reqId, Instant timeIn, Instant timeOut) {
        return "{\"error\":\"" + error + "\",\"method\":\"" + method + "\",\"req_id\":" + reqId
                + ",\"success\":false,\"time_in\":\"" + timeIn + "\",\"time_out\":\"" + timeOut + "\"}";
    }

    public String pong(long reqId, Instant timeIn, Instant timeOut) {
        return "{\"method\":\"pong\",\"req_id\":" + reqId + ",\"time_in\":\"" + timeIn + "\",\"time_out\":\"" + timeOut
                + "\"}";
    }

    /** An instrument snapshot listing pairs with their precisions: {@code {symbol, price_precision, qty_precision}}. */
    public String instrumentSnapshot(List<String> symbols, List<int[]> precisions) {
        StringBuilder text = new StringBuilder("{\"channel\":\"instrument\",\"type\":\"snapshot\",\"data\":{\"assets\":[],"
                + "\"pairs\":[");
        for (int i = 0; i < symbols.size(); i++) {
            String symbol = symbols.get(i);
            int slash = symbol.indexOf('/');
            text.append(i == 0 ? "" : ",").append("{\"symbol\":\"").append(symbol).append("\",\"base\":\"")
                    .append(symbol, 0, slash).append("\",\"quote\":\"").append(symbol.substring(slash + 1))
                    .append("\",\"status\":\"online\",\"qty_precision\":").append(precisions.get(i)[1])
                    .append(",\"price_precision\":").append(precisions.get(i)[0]).append('}');
        }
        return text.append("]}}").toString();
    }

    private void startBook(String type, String symbol) {
        out.setLength(0);
        out.append("{\"channel\":\"book\",\"type\":\"").append(type).append("\",\"data\":[{\"symbol\":\"")
                .append(symbol).append("\",");
    }

    private String endBook(OrderBook book, int pricePrecision, int qtyPrecision, Instant timestamp) {
        out.append("\"checksum\":").append(checksum.compute(book, pricePrecision, qtyPrecision))
                .append(",\"timestamp\":\"").append(timestamp).append("\"}]}");
        return out.toString();
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

    private void appendLevel(long price, long size, OrderBook book, int pricePrecision, int qtyPrecision) {
        out.append("{\"price\":");
        FixedPoint.append(out, price, book.instrument().priceScale(), pricePrecision);
        out.append(",\"qty\":");
        FixedPoint.append(out, size, book.instrument().sizeScale(), qtyPrecision);
        out.append('}');
    }
}
