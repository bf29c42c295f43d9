package dev.sweep.venue.testrange;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.Side;
import dev.sweep.venue.json.JsonWriter;
import dev.sweep.venue.server.RequestReader;
import dev.sweep.venue.server.RequestReader.MalformedRequestException;
import dev.sweep.venue.server.ServerContext;
import dev.sweep.venue.server.ServerSession;
import dev.sweep.venue.server.UpdateFault;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The test range venue's WebSocket side: the subscription confirmed, then the diffs of every subscribed book, each
 * numbered with the range of the book's update ids it carries; a heartbeat after 1 s of quiet. No snapshot: that is
 * the REST side's ({@link TestRangeSnapshots}). A lost update is simply not sent: the ids jump by themselves.
 */
final class TestRangeSession implements ServerSession {

    private static final long HEARTBEAT_NANOS = 1_000_000_000L;

    /** The fields of a request the venue looks at. */
    private static final class Request {
        String method = "";
        List<String> symbols = List.of();
        long id = -1;
    }

    private final TestRangeVenue venue;
    private final ServerContext context;
    private final JsonWriter writer = new JsonWriter();
    private final Set<Instrument> subscribed = new LinkedHashSet<>();

    TestRangeSession(TestRangeVenue venue, ServerContext context) {
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
                    case "method" -> request.method = RequestReader.string(value);
                    case "symbols" -> request.symbols = RequestReader.strings(value);
                    case "id" -> request.id = RequestReader.count(value, -1);
                    default -> value.skipChildren();
                }
            });
        } catch (MalformedRequestException e) {
            error(-1, "malformed request: " + e.getMessage());
            return;
        }
        if (!request.method.equals("SUBSCRIBE") || request.symbols.isEmpty()) {
            error(request.id, "expected {\"method\":\"SUBSCRIBE\",\"symbols\":[…],\"id\":…}");
            return;
        }
        List<Instrument> instruments = new ArrayList<>();
        for (String symbol : request.symbols) {
            Optional<Instrument> instrument = context.instrument(symbol);
            if (instrument.isEmpty()) {
                error(request.id, "unknown symbol " + symbol);
                return;
            }
            instruments.add(instrument.get());
        }
        subscribed.addAll(instruments);
        context.send(writer.write(json -> {
            json.writeStartObject();
            json.writeNullField("result");
            json.writeNumberField("id", request.id);
            json.writeEndObject();
        }));
    }

    @Override
    public void onBookChange(Instrument instrument, List<Level> changes, long nowNanos) {
        if (!subscribed.contains(instrument) || changes.isEmpty() || context.nextFault() == UpdateFault.LOST) {
            return;
        }
        long last = context.updateId(instrument);
        context.send(writer.write(json -> {
            json.writeStartObject();
            json.writeStringField("e", "depthUpdate");
            json.writeNumberField("E", nowNanos / 1_000_000);
            json.writeStringField("s", venue.symbol(instrument));
            json.writeNumberField("U", last - changes.size() + 1);
            json.writeNumberField("u", last);
            writeChanges(json, "b", Side.BID, changes, instrument);
            writeChanges(json, "a", Side.ASK, changes, instrument);
            json.writeEndObject();
        }));
    }

    @Override
    public void onTimer(long nowNanos) {
        if (!subscribed.isEmpty() && nowNanos - context.lastSentNanos() >= HEARTBEAT_NANOS) {
            context.send(writer.write(json -> {
                json.writeStartObject();
                json.writeStringField("e", "heartbeat");
                json.writeEndObject();
            }));
        }
    }

    private void error(long id, String message) {
        context.send(writer.write(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("error");
            json.writeNumberField("code", 2);
            json.writeStringField("msg", message);
            json.writeEndObject();
            json.writeNumberField("id", id);
            json.writeEndObject();
        }));
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

    /** {@code ["67000.1","0.5"]}. */
    static void writeLevel(JsonGenerator json, long price, long size, Instrument instrument) throws IOException {
        json.writeStartArray();
        json.writeString(FixedPoint.format(price, instrument.priceScale()));
        json.writeString(FixedPoint.format(size, instrument.sizeScale()));
        json.writeEndArray();
    }
}
