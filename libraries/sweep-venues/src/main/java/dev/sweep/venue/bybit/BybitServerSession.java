package dev.sweep.venue.bybit;

import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.venue.server.DepthSubscription;
import dev.sweep.venue.server.DepthSubscriptions;
import dev.sweep.venue.server.DepthView;
import dev.sweep.venue.server.RequestReader;
import dev.sweep.venue.server.RequestReader.MalformedRequestException;
import dev.sweep.venue.server.ServerContext;
import dev.sweep.venue.server.ServerSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bybit spot v5 public, server side: {@code subscribe} to {@code orderbook.<depth>.<SYMBOL>} (at most 10 topics a
 * request) answers one ack for the request, then a snapshot per topic at its depth, then deltas, each topic's
 * {@code u} one more than its last; {@code ping} gets the spot pong. Bybit sends no heartbeats, and closes a
 * connection that has seen neither ping-pong nor data for 10 minutes. Faults: a lost delta skips a {@code u}; a
 * restart sends the book whole as a snapshot with {@code u} = 1.
 */
final class BybitServerSession implements ServerSession {

    /** Spot takes at most 10 topics in one subscribe request. */
    static final int MAX_ARGS = 10;
    private static final long IDLE_NANOS = 600_000_000_000L;
    private static final String ORDERBOOK = "orderbook.";

    /** The fields of a request Bybit looks at. */
    private static final class Request {
        String reqId = "";
        String op = "";
        List<String> args = List.of();
    }

    private final ServerContext context;
    private final BybitProxy proxy = new BybitProxy();
    private final DepthSubscriptions subscriptions = new DepthSubscriptions();
    private String connectionId = "";

    BybitServerSession(BybitVenue venue, ServerContext context) {
        this.context = context;
    }

    @Override
    public void onOpen(long nowNanos) {
        connectionId = Long.toHexString(context.randomLong()) + "-" + Long.toHexString(context.randomLong());
    }

    @Override
    public void onRequest(String text, long nowNanos) {
        Request request = new Request();
        try {
            RequestReader.read(text, (name, value) -> {
                switch (name) {
                    case "req_id" -> request.reqId = RequestReader.string(value);
                    case "op" -> request.op = RequestReader.string(value);
                    case "args" -> request.args = RequestReader.strings(value);
                    default -> value.skipChildren();
                }
            });
        } catch (MalformedRequestException e) {
            context.send(proxy.answer(false, "error:request not in JSON: " + e.getMessage(), connectionId, "", ""));
            return;
        }
        switch (request.op) {
            case "ping" -> context.send(proxy.pong(connectionId));
            case "subscribe" -> subscribe(request, nowNanos);
            default -> context.send(proxy.answer(false, "error:handler not found,op:" + request.op, connectionId,
                    request.reqId, request.op));
        }
    }

    private void subscribe(Request request, long nowNanos) {
        if (request.args.isEmpty() || request.args.size() > MAX_ARGS) {
            refuse(request, "error:args size must be 1 to " + MAX_ARGS + ", got " + request.args.size());
            return;
        }
        Map<Instrument, DepthSubscription> wanted = new LinkedHashMap<>();
        List<String> invalid = new ArrayList<>();
        for (String topic : request.args) {
            Optional<DepthSubscription> subscription = subscription(topic, nowNanos);
            subscription.ifPresentOrElse(s -> wanted.put(context.instrument(s.symbol()).orElseThrow(), s),
                    () -> invalid.add(topic));
        }
        if (!invalid.isEmpty()) {
            refuse(request, "Invalid symbol :" + invalid);
            return;
        }
        context.send(proxy.answer(true, "subscribe", connectionId, request.reqId, "subscribe"));
        for (Map.Entry<Instrument, DepthSubscription> entry : wanted.entrySet()) {
            subscriptions.put(entry.getKey(), entry.getValue());
            sendSnapshot(entry.getValue(), nowNanos);
        }
    }

    /** The topic's subscription, starting from the truth as it is now; empty for a topic Bybit does not serve. */
    private Optional<DepthSubscription> subscription(String topic, long nowNanos) {
        String[] parts = topic.split("\\.", -1);
        if (parts.length != 3 || !topic.startsWith(ORDERBOOK) || !parts[1].matches("[0-9]{1,4}")
                || !BybitVenue.DEPTHS.contains(Integer.parseInt(parts[1]))) {
            return Optional.empty();
        }
        return context.instrument(parts[2]).map(instrument -> new DepthSubscription(topic, parts[2],
                new DepthView(context.book(instrument), Integer.parseInt(parts[1])),
                1_000 + Math.floorMod(context.randomLong(), 1_000_000L), nowNanos));
    }

    private void refuse(Request request, String message) {
        context.send(proxy.answer(false, message, connectionId, request.reqId, "subscribe"));
    }

    @Override
    public void onBookChange(Instrument instrument, List<Level> changes, long nowNanos) {
        subscriptions.follow(instrument, changes, context, (subscription, visible) -> {
            switch (context.nextFault()) {
                case LOST -> subscription.id(subscription.id() + 1); // a delta the client never sees
                case RESTART -> {
                    subscription.id(0); // the service restarted: its next message is a snapshot with u = 1
                    sendSnapshot(subscription, nowNanos);
                }
                default -> {
                    subscription.sent(subscription.id() + 1, nowNanos);
                    context.send(proxy.delta(subscription.topic(), subscription.symbol(), visible, instrument,
                            subscription.id(), context.updateId(instrument), nowNanos / 1_000_000L));
                }
            }
        });
    }

    private void sendSnapshot(DepthSubscription subscription, long nowNanos) {
        Instrument instrument = subscription.view().book().instrument();
        subscription.sent(subscription.id() + 1, nowNanos);
        context.send(proxy.snapshot(subscription.topic(), subscription.symbol(), subscription.view().book(),
                subscription.id(), context.updateId(instrument), nowNanos / 1_000_000L));
    }

    /** Closes a connection that has seen neither ping-pong nor data for 10 minutes: its client does not ping. */
    @Override
    public void onTimer(long nowNanos) {
        if (nowNanos - context.lastSentNanos() > IDLE_NANOS) {
            context.close();
        }
    }
}
