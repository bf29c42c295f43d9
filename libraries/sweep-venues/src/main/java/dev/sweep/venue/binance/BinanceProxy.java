package dev.sweep.venue.binance;

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
 * Writes Binance's frames and REST bodies for the simulator, field for field as the documentation's examples have
 * them (web-socket-streams.md, rest-api.md), with jackson-core's generator so that every string is escaped.
 */
final class BinanceProxy {

    /** Not a Binance frame: the simulator's stand-in for the ping control frames a dialect cannot send. */
    static final String HEARTBEAT_EVENT = "heartbeat";

    private final JsonWriter writer = new JsonWriter();

    /** {@code {"result":null,"id":1}}: a request done. */
    String ack(long id) {
        return writer.write(json -> {
            json.writeStartObject();
            json.writeNullField("result");
            json.writeNumberField("id", id);
            json.writeEndObject();
        });
    }

    /** {@code {"result":["btcusdt@depth@100ms"],"id":3}}: the answer to {@code LIST_SUBSCRIPTIONS}. */
    String subscriptions(List<String> streams, long id) {
        return writer.write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("result");
            for (String stream : streams) {
                json.writeString(stream);
            }
            json.writeEndArray();
            json.writeNumberField("id", id);
            json.writeEndObject();
        });
    }

    /**
     * {@code {"code":2,"msg":"Invalid request: too many parameters","id":1}}: the documented error table's shape, with
     * the request's id when it had one.
     */
    String error(int code, String message, long id) {
        return writer.write(json -> {
            json.writeStartObject();
            json.writeNumberField("code", code);
            json.writeStringField("msg", message);
            if (id >= 0) {
                json.writeNumberField("id", id);
            }
            json.writeEndObject();
        });
    }

    /** A {@code depthUpdate} carrying the ids {@code first} to {@code last}, the bids' changes then the asks'. */
    String depthUpdate(String symbol, Instrument instrument, List<Level> changes, long first, long last,
                       long eventMillis) {
        return writer.write(json -> {
            json.writeStartObject();
            json.writeStringField("e", "depthUpdate");
            json.writeNumberField("E", eventMillis);
            json.writeStringField("s", symbol);
            json.writeNumberField("U", first);
            json.writeNumberField("u", last);
            writeChanges(json, "b", Side.BID, changes, instrument);
            writeChanges(json, "a", Side.ASK, changes, instrument);
            json.writeEndObject();
        });
    }

    /** {@code {"e":"heartbeat"}}: see {@link #HEARTBEAT_EVENT}. */
    String heartbeat() {
        return writer.write(json -> {
            json.writeStartObject();
            json.writeStringField("e", HEARTBEAT_EVENT);
            json.writeEndObject();
        });
    }

    /** {@code {"e":"serverShutdown","E":1770123456789}}: the connection will soon be closed (web-socket-streams.md). */
    String serverShutdown(long eventMillis) {
        return writer.write(json -> {
            json.writeStartObject();
            json.writeStringField("e", "serverShutdown");
            json.writeNumberField("E", eventMillis);
            json.writeEndObject();
        });
    }

    /** {@code {"lastUpdateId":1027024,"bids":[…],"asks":[…]}}: the best {@code levels} of each side. */
    static String depth(OrderBook book, long lastUpdateId, int levels) {
        return JsonWriter.text(json -> {
            json.writeStartObject();
            json.writeNumberField("lastUpdateId", lastUpdateId);
            writeSide(json, "bids", book.bids(), levels, book.instrument());
            writeSide(json, "asks", book.asks(), levels, book.instrument());
            json.writeEndObject();
        });
    }

    /** {@code {"code":-1121,"msg":"Invalid symbol."}}: a REST error. */
    static String restError(int code, String message) {
        return JsonWriter.text(json -> {
            json.writeStartObject();
            json.writeNumberField("code", code);
            json.writeStringField("msg", message);
            json.writeEndObject();
        });
    }

    private static void writeSide(JsonGenerator json, String field, BookSide side, int levels, Instrument instrument)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (int i = 0; i < Math.min(levels, side.depth()); i++) {
            writeLevel(json, side.price(i), side.size(i), instrument);
        }
        json.writeEndArray();
    }

    private static void writeChanges(JsonGenerator json, String field, Side side, List<Level> changes,
                                     Instrument instrument) throws IOException {
        json.writeArrayFieldStart(field);
        for (Level change : changes) {
            if (change.side() == side) {
                writeLevel(json, change.price(), change.size(), instrument);
            }
        }
        json.writeEndArray();
    }

    /** {@code ["67000.10","0.5"]}: price and quantity as decimal strings. */
    private static void writeLevel(JsonGenerator json, long price, long size, Instrument instrument)
            throws IOException {
        json.writeStartArray();
        json.writeString(FixedPoint.format(price, instrument.priceScale()));
        json.writeString(FixedPoint.format(size, instrument.sizeScale()));
        json.writeEndArray();
    }
}
