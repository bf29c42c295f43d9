package dev.sweep.venue.gemini;

import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.venue.server.RequestReader;
import dev.sweep.venue.server.RequestReader.MalformedRequestException;
import dev.sweep.venue.server.ServerContext;
import dev.sweep.venue.server.ServerSession;
import dev.sweep.venue.server.Trade;
import dev.sweep.venue.server.UpdateFault;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Gemini market data v2, server side: {@code subscribe} to {@code l2} sends each symbol's whole book as its first
 * {@code l2_updates} (with {@code trades} and {@code auction_events}), then changes and trades. No acknowledgement,
 * no sequence numbers. Heartbeats after 5 seconds without a frame.
 */
final class GeminiV2ServerSession implements ServerSession {

    private static final long HEARTBEAT_NANOS = 5_000_000_000L;

    /** One entry of a request's {@code subscriptions}. */
    private static final class Subscription {
        String name = "";
        List<String> symbols = List.of();
    }

    /** The fields of a request Gemini looks at. */
    private static final class Request {
        String type = "";
        final List<Subscription> subscriptions = new ArrayList<>();
    }

    private final GeminiVenue venue;
    private final ServerContext context;
    private final GeminiV2Proxy proxy = new GeminiV2Proxy();
    private final Set<Instrument> subscribed = new LinkedHashSet<>();
    private long tradeId = 1;

    GeminiV2ServerSession(GeminiVenue venue, ServerContext context) {
        this.venue = venue;
        this.context = context;
    }

    @Override
    public void onOpen(long nowNanos) {
        // Gemini v2 sends nothing until the client subscribes.
    }

    @Override
    public void onRequest(String text, long nowNanos) {
        Request request;
        try {
            request = read(text);
        } catch (MalformedRequestException e) {
            context.send(proxy.error("InvalidJson", "Malformed request: " + e.getMessage()));
            return;
        }
        if (!request.type.equals("subscribe") && !request.type.equals("unsubscribe")) {
            context.send(proxy.error("InvalidRequestType", "type must be subscribe or unsubscribe"));
            return;
        }
        if (request.subscriptions.isEmpty()) {
            context.send(proxy.error("InvalidSubscription", "subscriptions must be a non-empty list"));
            return;
        }
        for (Subscription subscription : request.subscriptions) {
            if (!subscription.name.equals("l2") || subscription.symbols.isEmpty()) {
                context.send(proxy.error("InvalidSubscription", "only l2 subscriptions with symbols are served"));
                return;
            }
            List<Instrument> instruments = new ArrayList<>();
            for (String symbol : subscription.symbols) {
                Optional<Instrument> listed = context.instrument(symbol);
                if (listed.isEmpty()) {
                    context.send(proxy.error("InvalidSymbol", "unknown symbol " + symbol));
                    return;
                }
                instruments.add(listed.get());
            }
            for (Instrument instrument : instruments) {
                if (request.type.equals("unsubscribe")) {
                    subscribed.remove(instrument);
                } else if (subscribed.add(instrument)) {
                    context.send(proxy.snapshot(venue.symbol(instrument), context.book(instrument)));
                }
            }
        }
    }

    private static Request read(String text) throws MalformedRequestException {
        Request request = new Request();
        RequestReader.read(text, (name, value) -> {
            switch (name) {
                case "type" -> request.type = RequestReader.string(value);
                case "subscriptions" -> RequestReader.array(value, (unused, item) -> {
                    Subscription subscription = new Subscription();
                    RequestReader.object(item, (field, fieldValue) -> {
                        switch (field) {
                            case "name" -> subscription.name = RequestReader.string(fieldValue);
                            case "symbols" -> subscription.symbols = RequestReader.strings(fieldValue);
                            default -> fieldValue.skipChildren();
                        }
                    });
                    request.subscriptions.add(subscription);
                });
                default -> value.skipChildren();
            }
        });
        return request;
    }

    @Override
    public void onTrade(Instrument instrument, Trade trade, long nowNanos) {
        if (subscribed.contains(instrument)) {
            context.send(proxy.trade(venue.symbol(instrument), tradeId++, nowNanos / 1_000_000, trade.takerSide(),
                    trade.price(), trade.size(), instrument));
        }
    }

    @Override
    public void onBookChange(Instrument instrument, List<Level> changes, long nowNanos) {
        if (!subscribed.contains(instrument) || changes.isEmpty()) {
            return;
        }
        if (context.nextFault() == UpdateFault.LOST) {
            return; // lost without a trace: Gemini v2 has no sequence numbers
        }
        context.send(proxy.update(venue.symbol(instrument), changes, instrument));
    }

    @Override
    public void onTimer(long nowNanos) {
        if (!subscribed.isEmpty() && nowNanos - context.lastSentNanos() >= HEARTBEAT_NANOS) {
            context.send(proxy.heartbeat(nowNanos / 1_000_000));
        }
    }
}
