package dev.sweep.sim.session;

import dev.sweep.core.BookSide;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.sim.Fault;
import dev.sweep.sim.market.MarketEvent;
import dev.sweep.venue.kraken.KrakenPrecisions;
import dev.sweep.venue.kraken.KrakenProxy;
import dev.sweep.venue.kraken.KrakenVenue;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kraken Spot WebSocket v2: a status frame on connect; {@code subscribe} to {@code book} (one ack and one
 * snapshot per symbol, at the requested depth) and to {@code instrument}; {@code ping}; updates carrying the
 * checksum of the client's view; heartbeats once a second when nothing else was sent. Like Kraken, an update sends
 * the levels that change within the subscribed depth and those that come into it, but never deletes a level that
 * merely falls out of it: the client must truncate.
 */
final class KrakenSession extends Session {

    private static final long HEARTBEAT_MILLIS = 1_000;
    private static final KrakenVenue KRAKEN = new KrakenVenue();

    /** One book subscription: what the client sees of the truth. */
    private record Subscription(String symbol, int depth, OrderBook view, int pricePrecision, int qtyPrecision) {
    }

    private final KrakenProxy proxy = new KrakenProxy();
    private final Map<Instrument, Subscription> subscriptions = new LinkedHashMap<>();

    KrakenSession(Channel channel, SimContext context) {
        super(channel, context);
    }

    @Override
    public String venue() {
        return "kraken";
    }

    @Override
    public void onOpen(long nowMillis) {
        send(proxy.status(Long.toUnsignedString(context.random().nextLong())));
    }

    @Override
    public void onRequest(String text, long nowMillis) {
        Object request;
        try {
            request = Json.parse(text);
        } catch (Json.MalformedException e) {
            send(proxy.requestFailed("", "Malformed request: " + e.getMessage(), 0, context.now(), context.now()));
            return;
        }
        String method = Json.field(request, "method") instanceof String m ? m : "";
        long reqId = Json.field(request, "req_id") instanceof String id && id.matches("\\d{1,18}") ? Long.parseLong(id)
                : 0;
        Object params = Json.field(request, "params");
        switch (method) {
            case "subscribe" -> subscribe(params, reqId);
            case "unsubscribe" -> unsubscribe(params, reqId);
            case "ping" -> send(proxy.pong(reqId, context.now(), context.now()));
            default -> send(proxy.requestFailed(method, "Method not found", reqId, context.now(), context.now()));
        }
    }

    private void subscribe(Object params, long reqId) {
        Object channelName = Json.field(params, "channel");
        if ("instrument".equals(channelName)) {
            send("{\"method\":\"subscribe\",\"req_id\":" + reqId + ",\"result\":{\"channel\":\"instrument\","
                    + "\"snapshot\":true},\"success\":true,\"time_in\":\"" + context.now() + "\",\"time_out\":\""
                    + context.now() + "\"}");
            List<String> symbols = new ArrayList<>();
            List<int[]> precisions = new ArrayList<>();
            for (Instrument instrument : context.market().instruments()) {
                String symbol = symbol(instrument);
                symbols.add(symbol);
                precisions.add(new int[] {KrakenPrecisions.price(symbol), KrakenPrecisions.qty(symbol)});
            }
            send(proxy.instrumentSnapshot(symbols, precisions));
            return;
        }
        if (!"book".equals(channelName)) {
            send(proxy.requestFailed("subscribe", "Channel not supported: " + channelName, reqId, context.now(),
                    context.now()));
            return;
        }
        List<String> symbols = Json.strings(Json.field(params, "symbol"));
        Object depthText = Json.field(params, "depth");
        int depth = depthText == null ? 10 : depthText instanceof String d && d.matches("\\d{1,4}") ? Integer.parseInt(d)
                : -1;
        if (symbols == null || symbols.isEmpty()) {
            send(proxy.requestFailed("subscribe", "Missing or invalid symbol", reqId, context.now(), context.now()));
            return;
        }
        if (!KrakenVenue.DEPTHS.contains(depth)) {
            send(proxy.requestFailed("subscribe", "Invalid depth: must be one of " + KrakenVenue.DEPTHS, reqId,
                    context.now(), context.now()));
            return;
        }
        for (String symbol : symbols) {
            Instrument instrument = instrument(symbol);
            if (instrument == null) {
                send(proxy.requestFailed("subscribe", "Currency pair not supported " + symbol, reqId, context.now(),
                        context.now()));
                continue;
            }
            OrderBook view = view(context.market().book(venue(), instrument), depth);
            Subscription subscription = new Subscription(symbol, depth, view, KrakenPrecisions.price(symbol),
                    KrakenPrecisions.qty(symbol));
            subscriptions.put(instrument, subscription);
            send(proxy.bookSubscribed(symbol, depth, reqId, context.now(), context.now()));
            send(proxy.bookSnapshot(symbol, view, depth, subscription.pricePrecision(), subscription.qtyPrecision(),
                    context.now()));
        }
    }

    private void unsubscribe(Object params, long reqId) {
        List<String> symbols = Json.strings(Json.field(params, "symbol"));
        for (String symbol : symbols == null ? List.<String>of() : symbols) {
            Instrument instrument = instrument(symbol);
            if (instrument != null && subscriptions.remove(instrument) != null) {
                send("{\"method\":\"unsubscribe\",\"req_id\":" + reqId + ",\"result\":{\"channel\":\"book\","
                        + "\"symbol\":\"" + symbol + "\"},\"success\":true,\"time_in\":\"" + context.now()
                        + "\",\"time_out\":\"" + context.now() + "\"}");
            } else {
                send(proxy.requestFailed("unsubscribe", "Subscription not found", reqId, context.now(), context.now()));
            }
        }
    }

    @Override
    public void onMarketEvent(MarketEvent event) {
        Subscription subscription = event.venue().equals(venue()) ? subscriptions.get(event.instrument()) : null;
        if (subscription == null) {
            return;
        }
        OrderBook truth = context.market().book(venue(), event.instrument());
        List<Level> changes = changesInView(subscription.view(), truth, subscription.depth());
        if (changes.isEmpty()) {
            return;
        }
        Fault fault = nextFault();
        if (!isOpen() || fault == Fault.GAP) {
            return; // the update is lost; the next checksum will not match the client's book
        }
        String frame = proxy.bookUpdate(subscription.symbol(), changes, subscription.view(),
                subscription.pricePrecision(), subscription.qtyPrecision(), context.now());
        send(fault == Fault.CHECKSUM ? KrakenProxy.withChecksum(frame, 0) : frame);
    }

    @Override
    protected boolean applies(Fault fault) {
        return true;
    }

    @Override
    protected void onTimer(long nowMillis) {
        if (!subscriptions.isEmpty() && millisSinceLastSent(nowMillis) >= HEARTBEAT_MILLIS) {
            send(proxy.heartbeat());
        }
    }

    /**
     * Brings the client's view up to the truth and returns what Kraken would send for it: deletions of levels that
     * left the book, and every level of the new view whose size the client does not have yet.
     */
    private static List<Level> changesInView(OrderBook view, OrderBook truth, int depth) {
        List<Level> changes = new ArrayList<>();
        for (Side side : Side.values()) {
            BookSide old = view.side(side);
            for (int i = 0; i < old.depth(); i++) {
                if (truth.side(side).sizeAt(old.price(i)) == 0) {
                    changes.add(new Level(side, old.price(i), 0));
                }
            }
            BookSide fresh = truth.side(side);
            for (int i = 0; i < Math.min(depth, fresh.depth()); i++) {
                if (old.sizeAt(fresh.price(i)) != fresh.size(i)) {
                    changes.add(new Level(side, fresh.price(i), fresh.size(i)));
                }
            }
        }
        changes.forEach(change -> view.set(change.side(), change.price(), change.size()));
        view.truncate(depth);
        return changes;
    }

    private static OrderBook view(OrderBook truth, int depth) {
        OrderBook view = new OrderBook(truth.venue(), truth.instrument(), truth.pricePrecision());
        for (Side side : Side.values()) {
            for (int i = 0; i < Math.min(depth, truth.side(side).depth()); i++) {
                view.set(side, truth.side(side).price(i), truth.side(side).size(i));
            }
        }
        return view;
    }

    private Instrument instrument(String symbol) {
        for (Instrument instrument : context.market().instruments()) {
            if (symbol(instrument).equals(symbol)) {
                return instrument;
            }
        }
        return null;
    }

    private static String symbol(Instrument instrument) {
        return KRAKEN.symbol(instrument);
    }
}
