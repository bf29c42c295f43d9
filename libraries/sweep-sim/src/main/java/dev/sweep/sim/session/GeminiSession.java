package dev.sweep.sim.session;

import dev.sweep.core.Instrument;
import dev.sweep.sim.Fault;
import dev.sweep.sim.market.MarketEvent;
import dev.sweep.venue.gemini.GeminiV2Proxy;
import dev.sweep.venue.gemini.GeminiVenue;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gemini market data v2: {@code subscribe} to {@code l2} sends each symbol's whole book as its first
 * {@code l2_updates} (with {@code trades} and {@code auction_events}), then changes and trades. No acknowledgement,
 * no sequence numbers. Heartbeats every 5 seconds.
 */
final class GeminiSession extends Session {

    private static final long HEARTBEAT_MILLIS = 5_000;
    private static final GeminiVenue GEMINI = new GeminiVenue();

    private final GeminiV2Proxy proxy = new GeminiV2Proxy();
    private final Set<Instrument> subscribed = new LinkedHashSet<>();
    private long tradeId = 1;

    GeminiSession(Channel channel, SimContext context) {
        super(channel, context);
    }

    @Override
    public String venue() {
        return "gemini";
    }

    @Override
    public void onOpen(long nowMillis) {
        // Gemini v2 sends nothing until the client subscribes.
    }

    @Override
    public void onRequest(String text, long nowMillis) {
        Object request;
        try {
            request = Json.parse(text);
        } catch (Json.MalformedException e) {
            send(proxy.error("InvalidJson", "Malformed request: " + e.getMessage()));
            return;
        }
        Object type = Json.field(request, "type");
        if (!"subscribe".equals(type) && !"unsubscribe".equals(type)) {
            send(proxy.error("InvalidRequestType", "type must be subscribe or unsubscribe"));
            return;
        }
        if (!(Json.field(request, "subscriptions") instanceof List<?> subscriptions) || subscriptions.isEmpty()) {
            send(proxy.error("InvalidSubscription", "subscriptions must be a non-empty list"));
            return;
        }
        for (Object subscription : subscriptions) {
            List<String> symbols = Json.strings(Json.field(subscription, "symbols"));
            if (!"l2".equals(Json.field(subscription, "name")) || symbols == null) {
                send(proxy.error("InvalidSubscription", "only l2 subscriptions with symbols are served"));
                return;
            }
            List<Instrument> instruments = new ArrayList<>();
            for (String symbol : symbols) {
                Instrument instrument = instrument(symbol);
                if (instrument == null) {
                    send(proxy.error("InvalidSymbol", "unknown symbol " + symbol));
                    return;
                }
                instruments.add(instrument);
            }
            for (Instrument instrument : instruments) {
                if ("unsubscribe".equals(type)) {
                    subscribed.remove(instrument);
                } else if (subscribed.add(instrument)) {
                    send(proxy.snapshot(GEMINI.symbol(instrument), context.market().book(venue(), instrument)));
                }
            }
        }
    }

    @Override
    public void onMarketEvent(MarketEvent event) {
        if (!event.venue().equals(venue()) || !subscribed.contains(event.instrument())) {
            return;
        }
        Fault fault = nextFault();
        if (!isOpen() || fault == Fault.GAP) {
            return; // lost without a trace: Gemini v2 has no sequence numbers
        }
        String symbol = GEMINI.symbol(event.instrument());
        if (event.trade() != null) {
            send(proxy.trade(symbol, tradeId++, context.now().toEpochMilli(), event.trade().takerSide(),
                    event.trade().price(), event.trade().size(), event.instrument()));
        }
        if (!event.changes().isEmpty()) {
            send(proxy.update(symbol, event.changes(), event.instrument()));
        }
    }

    @Override
    protected void onTimer(long nowMillis) {
        if (!subscribed.isEmpty() && millisSinceLastSent(nowMillis) >= HEARTBEAT_MILLIS) {
            send(proxy.heartbeat(context.now().toEpochMilli()));
        }
    }

    private Instrument instrument(String symbol) {
        for (Instrument instrument : context.market().instruments()) {
            if (GEMINI.symbol(instrument).equals(symbol)) {
                return instrument;
            }
        }
        return null;
    }
}
