package dev.sweep.venue.testvenue;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sweep.core.BookSide;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.venue.json.JsonWriter;
import dev.sweep.venue.server.RequestReader;
import dev.sweep.venue.server.RequestReader.MalformedRequestException;
import dev.sweep.venue.server.ServerContext;
import dev.sweep.venue.server.ServerSession;
import dev.sweep.venue.server.UpdateFault;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The test venue's server side: a snapshot per subscribed symbol, then updates, heartbeats after 1 s of quiet. */
final class TestVenueSession implements ServerSession {

    private static final long HEARTBEAT_NANOS = 1_000_000_000L;

    /** The fields of a request the venue looks at. */
    private static final class Request {
        String op = "";
        List<String> symbols = List.of();
    }

    private final TestVenue venue;
    private final ServerContext context;
    private final JsonWriter writer = new JsonWriter();
    private final Set<Instrument> subscribed = new LinkedHashSet<>();
    private long sequence = 1;

    TestVenueSession(TestVenue venue, ServerContext context) {
        this.venue = venue;
        this.context = context;
    }

    @Override
    public void onOpen(long nowNanos) {
        // Nothing until the client subscribes.
    }

    @Override
    public void onRequest(String text, long nowNanos) {
        Request request = new Request();
        try {
            RequestReader.read(text, (name, value) -> {
                switch (name) {
                    case "op" -> request.op = RequestReader.string(value);
                    case "symbols" -> request.symbols = RequestReader.strings(value);
                    default -> value.skipChildren();
                }
            });
        } catch (MalformedRequestException e) {
            error("malformed request: " + e.getMessage());
            return;
        }
        if (!request.op.equals("subscribe") || request.symbols.isEmpty()) {
            error("expected {\"op\":\"subscribe\",\"symbols\":[…]}");
            return;
        }
        for (String symbol : request.symbols) {
            Optional<Instrument> instrument = context.instrument(symbol);
            if (instrument.isEmpty()) {
                error("unknown symbol " + symbol);
            } else if (subscribed.add(instrument.get())) {
                OrderBook book = context.book(instrument.get());
                send("snapshot", instrument.get(), json -> {
                    writeSide(json, book.bids(), book);
                    writeSide(json, book.asks(), book);
                });
            }
        }
    }

    @Override
    public void onBookChange(Instrument instrument, List<Level> changes, long nowNanos) {
        if (!subscribed.contains(instrument)) {
            return;
        }
        if (context.nextFault() == UpdateFault.LOST) {
            sequence++; // a frame the client never sees
        }
        send("update", instrument, json -> {
            for (Level change : changes) {
                writeLevel(json, change.side(), change.price(), change.size(), instrument);
            }
        });
    }

    @Override
    public void onTimer(long nowNanos) {
        if (!subscribed.isEmpty() && nowNanos - context.lastSentNanos() >= HEARTBEAT_NANOS) {
            context.send(writer.write(json -> {
                json.writeStartObject();
                json.writeNumberField("seq", sequence++);
                json.writeStringField("type", "heartbeat");
                json.writeEndObject();
            }));
        }
    }

    private void send(String type, Instrument instrument, JsonWriter.Body levels) {
        context.send(writer.write(json -> {
            json.writeStartObject();
            json.writeNumberField("seq", sequence++);
            json.writeStringField("type", type);
            json.writeStringField("symbol", venue.symbol(instrument));
            json.writeArrayFieldStart("levels");
            levels.write(json);
            json.writeEndArray();
            json.writeEndObject();
        }));
    }

    private void error(String message) {
        context.send(writer.write(json -> {
            json.writeStartObject();
            json.writeStringField("type", "error");
            json.writeStringField("message", message);
            json.writeEndObject();
        }));
    }

    private static void writeSide(JsonGenerator json, BookSide side, OrderBook book) throws IOException {
        for (int i = 0; i < side.depth(); i++) {
            writeLevel(json, side.side(), side.price(i), side.size(i), book.instrument());
        }
    }

    private static void writeLevel(JsonGenerator json, Side side, long price, long size, Instrument instrument)
            throws IOException {
        json.writeStartArray();
        json.writeString(side == Side.BID ? "bid" : "ask");
        json.writeString(FixedPoint.format(price, instrument.priceScale()));
        json.writeString(FixedPoint.format(size, instrument.sizeScale()));
        json.writeEndArray();
    }
}
