package dev.sweep.venue.testvenue;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sweep.core.BookSide;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.venue.KeepAlive;
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

/**
 * The test venue's server side: a snapshot per subscribed symbol, then updates, heartbeats after 1 s of quiet; and the
 * keep-alive rule of its venue, enforced as the venue it copies does (see the {@link TestVenue} subclasses).
 */
final class TestVenueSession implements ServerSession {

    private static final long HEARTBEAT_NANOS = 1_000_000_000L;
    /** OKX closes a connection it has sent nothing for 30 s. */
    private static final long TEXT_PING_IDLE_NANOS = 30_000_000_000L;
    /** Bybit closes a connection with neither ping-pong nor data for 10 minutes. */
    private static final long JSON_PING_IDLE_NANOS = 600_000_000_000L;
    /** Crypto.com asks for a heartbeat answer every 30 s. */
    private static final long HEARTBEAT_REQUEST_NANOS = 30_000_000_000L;
    /** No heartbeat request waits for its answer. */
    private static final long NO_REQUEST = -1;

    /** The fields of a request the venue looks at. */
    private static final class Request {
        String op = "";
        List<String> symbols = List.of();
        long id = NO_REQUEST;
        String method = "";
    }

    private final TestVenue venue;
    private final KeepAlive keepAlive;
    private final ServerContext context;
    private final JsonWriter writer = new JsonWriter();
    private final Set<Instrument> subscribed = new LinkedHashSet<>();
    private long sequence = 1;
    private long connectionId;
    private long lastRequestNanos;
    private long awaitedAnswer = NO_REQUEST;
    private long answerDeadlineNanos;

    TestVenueSession(TestVenue venue, ServerContext context) {
        this.venue = venue;
        this.keepAlive = venue.descriptor().keepAlive();
        this.context = context;
    }

    @Override
    public void onOpen(long nowNanos) {
        // Nothing is sent until the client subscribes.
        connectionId = Math.abs(context.randomLong() % 1_000_000_000L);
        lastRequestNanos = nowNanos;
    }

    @Override
    public void onRequest(String text, long nowNanos) {
        if (keepAlive.rule() == KeepAlive.Rule.TEXT_PING && text.equals(keepAlive.message())) {
            context.send("pong");
            return;
        }
        Request request = new Request();
        try {
            RequestReader.read(text, (name, value) -> {
                switch (name) {
                    case "op" -> request.op = RequestReader.string(value);
                    case "symbols" -> request.symbols = RequestReader.strings(value);
                    case "id" -> request.id = RequestReader.count(value, NO_REQUEST);
                    case "method" -> request.method = RequestReader.string(value);
                    default -> value.skipChildren();
                }
            });
        } catch (MalformedRequestException e) {
            error("malformed request: " + e.getMessage());
            return;
        }
        if (keepAlive.rule() == KeepAlive.Rule.JSON_PING && request.op.equals("ping")) {
            pong();
            return;
        }
        if (keepAlive.rule() == KeepAlive.Rule.ANSWER_HEARTBEAT && request.method.equals("public/respond-heartbeat")) {
            if (request.id == awaitedAnswer) {
                awaitedAnswer = NO_REQUEST;
            }
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
        long quietNanos = nowNanos - context.lastSentNanos();
        switch (keepAlive.rule()) {
            case TEXT_PING -> closeAfter(quietNanos, TEXT_PING_IDLE_NANOS);
            case JSON_PING -> closeAfter(quietNanos, JSON_PING_IDLE_NANOS);
            case ANSWER_HEARTBEAT -> {
                heartbeat(quietNanos);
                requestHeartbeat(nowNanos);
            }
            case NONE -> heartbeat(quietNanos);
        }
    }

    private void heartbeat(long quietNanos) {
        if (!subscribed.isEmpty() && quietNanos >= HEARTBEAT_NANOS) {
            context.send(writer.write(json -> {
                json.writeStartObject();
                json.writeNumberField("seq", sequence++);
                json.writeStringField("type", "heartbeat");
                json.writeEndObject();
            }));
        }
    }

    /** Closes the connection once the venue has sent nothing for the limit: the client did not keep it alive. */
    private void closeAfter(long quietNanos, long limitNanos) {
        if (quietNanos > limitNanos) {
            context.close();
        }
    }

    /** Closes the connection when a request went unanswered too long, and asks again every 30 s. */
    private void requestHeartbeat(long nowNanos) {
        if (awaitedAnswer != NO_REQUEST && nowNanos > answerDeadlineNanos) {
            context.close();
            return;
        }
        if (nowNanos - lastRequestNanos >= HEARTBEAT_REQUEST_NANOS) {
            lastRequestNanos = nowNanos;
            awaitedAnswer = nowNanos / 1_000_000L; // Crypto.com's ids are the milliseconds of the request
            answerDeadlineNanos = nowNanos + keepAlive.interval().toNanos();
            context.send(writer.write(json -> {
                json.writeStartObject();
                json.writeNumberField("id", awaitedAnswer);
                json.writeStringField("method", "public/heartbeat");
                json.writeNumberField("code", 0);
                json.writeEndObject();
            }));
        }
    }

    /** Bybit's answer to a ping on a public connection. */
    private void pong() {
        context.send(writer.write(json -> {
            json.writeStartObject();
            json.writeBooleanField("success", true);
            json.writeStringField("ret_msg", "pong");
            json.writeStringField("conn_id", Long.toString(connectionId));
            json.writeStringField("op", "ping");
            json.writeEndObject();
        }));
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
