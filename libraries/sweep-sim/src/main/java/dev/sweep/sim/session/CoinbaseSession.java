package dev.sweep.sim.session;

import dev.sweep.core.Instrument;
import dev.sweep.sim.Fault;
import dev.sweep.sim.market.MarketEvent;
import dev.sweep.venue.coinbase.CoinbaseProxy;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coinbase Advanced Trade: one channel per {@code subscribe}; {@code level2} answers with the subscriptions frame
 * and a full snapshot per product, then updates; {@code heartbeats} sends one frame a second. Every frame but errors
 * carries the connection's next {@code sequence_num}. A client that has not subscribed within 5 seconds is
 * disconnected, as Coinbase does.
 */
final class CoinbaseSession extends Session {

    private static final long SUBSCRIBE_DEADLINE_MILLIS = 5_000;
    private static final long HEARTBEAT_MILLIS = 1_000;

    private final CoinbaseProxy proxy = new CoinbaseProxy();
    private final Set<Instrument> level2 = new LinkedHashSet<>();
    private final Set<Instrument> heartbeats = new LinkedHashSet<>();
    private long sequence;
    private long heartbeatCounter;
    private long openedMillis;
    private long lastHeartbeatMillis;

    CoinbaseSession(Channel channel, SimContext context) {
        super(channel, context);
    }

    @Override
    public String venue() {
        return "coinbase";
    }

    @Override
    public void onOpen(long nowMillis) {
        openedMillis = nowMillis;
    }

    @Override
    public void onRequest(String text, long nowMillis) {
        Object request;
        try {
            request = Json.parse(text);
        } catch (Json.MalformedException e) {
            send(proxy.error("malformed JSON"));
            return;
        }
        Object type = Json.field(request, "type");
        Object channelName = Json.field(request, "channel");
        List<String> products = Json.strings(Json.field(request, "product_ids"));
        if (!"subscribe".equals(type) && !"unsubscribe".equals(type)) {
            send(proxy.error("Failed to subscribe: type must be subscribe or unsubscribe"));
            return;
        }
        Set<Instrument> target = "level2".equals(channelName) ? level2
                : "heartbeats".equals(channelName) ? heartbeats : null;
        if (target == null) {
            send(proxy.error("Failed to subscribe: unsupported channel " + channelName));
            return;
        }
        if (products == null || products.isEmpty()) {
            send(proxy.error("Failed to subscribe: product_ids required"));
            return;
        }
        List<Instrument> instruments = new ArrayList<>();
        for (String product : products) {
            Instrument instrument = instrument(product);
            if (instrument == null) {
                send(proxy.error("Failed to subscribe: unknown product id " + product));
                return;
            }
            instruments.add(instrument);
        }
        if ("unsubscribe".equals(type)) {
            instruments.forEach(target::remove);
            send(proxy.subscriptions(subscriptionMap(), sequence++, context.now()));
            return;
        }
        target.addAll(instruments);
        send(proxy.subscriptions(subscriptionMap(), sequence++, context.now()));
        if (target == level2) {
            for (Instrument instrument : instruments) {
                send(proxy.snapshot(instrument.symbol(), context.market().book(venue(), instrument), sequence++,
                        context.now()));
            }
        }
    }

    @Override
    public void onMarketEvent(MarketEvent event) {
        if (!event.venue().equals(venue()) || !level2.contains(event.instrument()) || event.changes().isEmpty()) {
            return;
        }
        Fault fault = nextFault();
        if (!isOpen()) {
            return;
        }
        if (fault == Fault.GAP) {
            sequence++; // a frame the client will never see
        }
        send(proxy.update(event.instrument().symbol(), event.changes(), event.instrument(), sequence++,
                context.now()));
    }

    @Override
    protected void onTimer(long nowMillis) {
        if (level2.isEmpty() && heartbeats.isEmpty() && nowMillis - openedMillis > SUBSCRIBE_DEADLINE_MILLIS) {
            channel.close();
            return;
        }
        if (!heartbeats.isEmpty() && nowMillis - lastHeartbeatMillis >= HEARTBEAT_MILLIS) {
            lastHeartbeatMillis = nowMillis;
            send(proxy.heartbeat(heartbeatCounter++, sequence++, context.now()));
        }
    }

    private Map<String, List<String>> subscriptionMap() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (!level2.isEmpty()) {
            map.put("level2", level2.stream().map(Instrument::symbol).toList());
        }
        if (!heartbeats.isEmpty()) {
            map.put("heartbeats", heartbeats.stream().map(Instrument::symbol).toList());
        }
        return map;
    }

    private Instrument instrument(String product) {
        for (Instrument instrument : context.market().instruments()) {
            if (instrument.symbol().equals(product)) {
                return instrument;
            }
        }
        return null;
    }
}
