package dev.sweep.venue.kraken;

import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.venue.server.DepthView;
import dev.sweep.venue.server.RequestReader;
import dev.sweep.venue.server.RequestReader.MalformedRequestException;
import dev.sweep.venue.server.ServerContext;
import dev.sweep.venue.server.ServerSession;
import dev.sweep.venue.server.UpdateFault;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kraken Spot WebSocket v2, server side: a status frame on connect; {@code subscribe} to {@code book} (one ack and
 * one snapshot per symbol, at the requested depth) and to {@code instrument}; {@code ping}; updates carrying the
 * checksum of the client's view; heartbeats once a second while subscribed. Like Kraken, updates only describe the
 * subscribed depth: when a level is pushed out of it, no deletion is sent for it: the client must truncate.
 */
final class KrakenServerSession implements ServerSession {

    private static final long HEARTBEAT_NANOS = 1_000_000_000L;
    /** The depth Kraken serves when a book subscription names none. */
    private static final int DEFAULT_DEPTH = 10;
    /** A depth that is not a whole number: refused like any depth Kraken does not serve. */
    private static final int BAD_DEPTH = -1;

    /** One book subscription: what the client sees of the truth. */
    private record Subscription(String symbol, DepthView view, int pricePrecision, int qtyPrecision) {
    }

    /** The fields of a request Kraken looks at. */
    private static final class Request {
        String method = "";
        long reqId;
        String channel = "";
        List<String> symbols = List.of();
        int depth = DEFAULT_DEPTH;
    }

    private final KrakenVenue venue;
    private final ServerContext context;
    private final KrakenProxy proxy = new KrakenProxy();
    private final Map<Instrument, Subscription> subscriptions = new LinkedHashMap<>();

    KrakenServerSession(KrakenVenue venue, ServerContext context) {
        this.venue = venue;
        this.context = context;
    }

    @Override
    public void onOpen(long nowNanos) {
        context.send(proxy.status(context.randomLong()));
    }

    @Override
    public void onRequest(String text, long nowNanos) {
        Instant now = Instant.ofEpochSecond(0, nowNanos);
        Request request;
        try {
            request = read(text);
        } catch (MalformedRequestException e) {
            context.send(proxy.requestFailed("", "Malformed request: " + e.getMessage(), 0, now, now));
            return;
        }
        switch (request.method) {
            case "subscribe" -> subscribe(request, now);
            case "unsubscribe" -> unsubscribe(request, now);
            case "ping" -> context.send(proxy.pong(request.reqId, now, now));
            default -> context.send(proxy.requestFailed(request.method, "Method not found", request.reqId, now, now));
        }
    }

    private static Request read(String text) throws MalformedRequestException {
        Request request = new Request();
        RequestReader.read(text, (name, value) -> {
            switch (name) {
                case "method" -> request.method = RequestReader.string(value);
                case "req_id" -> request.reqId = RequestReader.count(value, 0);
                case "params" -> RequestReader.object(value, (param, parameter) -> {
                    switch (param) {
                        case "channel" -> request.channel = RequestReader.string(parameter);
                        case "symbol" -> request.symbols = RequestReader.strings(parameter);
                        case "depth" -> request.depth = (int) Math.min(Integer.MAX_VALUE,
                                RequestReader.count(parameter, BAD_DEPTH));
                        default -> parameter.skipChildren();
                    }
                });
                default -> value.skipChildren();
            }
        });
        return request;
    }

    private void subscribe(Request request, Instant now) {
        if (request.channel.equals("instrument")) {
            context.send(proxy.instrumentSubscribed(request.reqId, now, now));
            List<String> symbols = new ArrayList<>();
            List<int[]> precisions = new ArrayList<>();
            for (Instrument instrument : context.instruments()) {
                String symbol = venue.symbol(instrument);
                symbols.add(symbol);
                precisions.add(new int[] {KrakenPrecisions.price(symbol), KrakenPrecisions.qty(symbol)});
            }
            context.send(proxy.instrumentSnapshot(symbols, precisions));
            return;
        }
        if (!request.channel.equals("book")) {
            fail("subscribe", "Channel not supported: " + request.channel, request, now);
            return;
        }
        if (request.symbols.isEmpty()) {
            fail("subscribe", "Missing or invalid symbol", request, now);
            return;
        }
        if (!KrakenVenue.DEPTHS.contains(request.depth)) {
            fail("subscribe", "Invalid depth: must be one of " + KrakenVenue.DEPTHS, request, now);
            return;
        }
        for (String symbol : request.symbols) {
            Optional<Instrument> listed = context.instrument(symbol);
            if (listed.isEmpty()) {
                fail("subscribe", "Currency pair not supported " + symbol, request, now);
                continue;
            }
            Instrument instrument = listed.get();
            DepthView view = new DepthView(context.book(instrument), request.depth);
            Subscription subscription = new Subscription(symbol, view, KrakenPrecisions.price(symbol),
                    KrakenPrecisions.qty(symbol));
            subscriptions.put(instrument, subscription);
            context.send(proxy.bookSubscribed(symbol, request.depth, request.reqId, now, now));
            context.send(proxy.bookSnapshot(symbol, view.book(), request.depth, subscription.pricePrecision(),
                    subscription.qtyPrecision(), now));
        }
    }

    private void unsubscribe(Request request, Instant now) {
        for (String symbol : request.symbols) {
            if (context.instrument(symbol).map(subscriptions::remove).isPresent()) {
                context.send(proxy.bookUnsubscribed(symbol, request.reqId, now, now));
            } else {
                fail("unsubscribe", "Subscription not found", request, now);
            }
        }
    }

    private void fail(String method, String error, Request request, Instant now) {
        context.send(proxy.requestFailed(method, error, request.reqId, now, now));
    }

    @Override
    public void onBookChange(Instrument instrument, List<Level> changes, long nowNanos) {
        Subscription subscription = subscriptions.get(instrument);
        if (subscription == null) {
            return;
        }
        List<Level> visible = subscription.view().follow(context.book(instrument), changes);
        if (visible.isEmpty()) {
            return;
        }
        UpdateFault fault = context.nextFault();
        if (fault == UpdateFault.LOST) {
            return; // the view moved on without the client: the next checksum will not match its book
        }
        String frame = proxy.bookUpdate(subscription.symbol(), visible, subscription.view().book(),
                subscription.pricePrecision(), subscription.qtyPrecision(), Instant.ofEpochSecond(0, nowNanos));
        context.send(fault == UpdateFault.BAD_CHECK ? KrakenProxy.withChecksum(frame, 0) : frame);
    }

    @Override
    public void onTimer(long nowNanos) {
        if (!subscriptions.isEmpty() && nowNanos - context.lastSentNanos() >= HEARTBEAT_NANOS) {
            context.send(proxy.heartbeat());
        }
    }
}
