package dev.sweep.venue.coinbase;

import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.venue.server.RequestReader;
import dev.sweep.venue.server.RequestReader.MalformedRequestException;
import dev.sweep.venue.server.ServerContext;
import dev.sweep.venue.server.ServerSession;
import dev.sweep.venue.server.UpdateFault;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Coinbase Advanced Trade, server side: one channel per {@code subscribe}; {@code level2} answers with the
 * subscriptions frame and a full snapshot per product, then updates; {@code heartbeats} sends one frame a second.
 * Every frame but errors carries the connection's next {@code sequence_num}. A client that has not subscribed within
 * 5 seconds is disconnected, as Coinbase does.
 */
final class CoinbaseServerSession implements ServerSession {

    private static final long SUBSCRIBE_DEADLINE_NANOS = 5_000_000_000L;
    private static final long HEARTBEAT_NANOS = 1_000_000_000L;

    /** The fields of a request Coinbase looks at. */
    private static final class Request {
        String type = "";
        String channel = "";
        List<String> products = List.of();
    }

    private final CoinbaseVenue venue;
    private final ServerContext context;
    private final CoinbaseProxy proxy = new CoinbaseProxy();
    private final Set<Instrument> level2 = new LinkedHashSet<>();
    private final Set<Instrument> heartbeats = new LinkedHashSet<>();
    private long sequence;
    private long heartbeatCounter;
    private long openedNanos;
    private long lastHeartbeatNanos;

    CoinbaseServerSession(CoinbaseVenue venue, ServerContext context) {
        this.venue = venue;
        this.context = context;
    }

    @Override
    public void onOpen(long nowNanos) {
        openedNanos = nowNanos;
    }

    @Override
    public void onRequest(String text, long nowNanos) {
        Instant now = Instant.ofEpochSecond(0, nowNanos);
        Request request;
        try {
            request = read(text);
        } catch (MalformedRequestException e) {
            context.send(proxy.error("malformed JSON"));
            return;
        }
        if (!request.type.equals("subscribe") && !request.type.equals("unsubscribe")) {
            context.send(proxy.error("Failed to subscribe: type must be subscribe or unsubscribe"));
            return;
        }
        Set<Instrument> target = request.channel.equals("level2") ? level2
                : request.channel.equals("heartbeats") ? heartbeats : null;
        if (target == null) {
            context.send(proxy.error("Failed to subscribe: unsupported channel " + request.channel));
            return;
        }
        if (request.products.isEmpty()) {
            context.send(proxy.error("Failed to subscribe: product_ids required"));
            return;
        }
        List<Instrument> instruments = new ArrayList<>();
        for (String product : request.products) {
            Optional<Instrument> listed = context.instrument(product);
            if (listed.isEmpty()) {
                context.send(proxy.error("Failed to subscribe: unknown product id " + product));
                return;
            }
            instruments.add(listed.get());
        }
        if (request.type.equals("unsubscribe")) {
            instruments.forEach(target::remove);
            context.send(proxy.subscriptions(subscriptionMap(), sequence++, now));
            return;
        }
        target.addAll(instruments);
        context.send(proxy.subscriptions(subscriptionMap(), sequence++, now));
        if (target == level2) {
            for (Instrument instrument : instruments) {
                context.send(proxy.snapshot(venue.symbol(instrument), context.book(instrument), sequence++, now));
            }
        }
    }

    private static Request read(String text) throws MalformedRequestException {
        Request request = new Request();
        RequestReader.read(text, (name, value) -> {
            switch (name) {
                case "type" -> request.type = RequestReader.string(value);
                case "channel" -> request.channel = RequestReader.string(value);
                case "product_ids" -> request.products = RequestReader.strings(value);
                default -> value.skipChildren();
            }
        });
        return request;
    }

    @Override
    public void onBookChange(Instrument instrument, List<Level> changes, long nowNanos) {
        if (!level2.contains(instrument) || changes.isEmpty()) {
            return;
        }
        if (context.nextFault() == UpdateFault.LOST) {
            sequence++; // a frame the client will never see
        }
        context.send(proxy.update(venue.symbol(instrument), changes, instrument, sequence++,
                Instant.ofEpochSecond(0, nowNanos)));
    }

    @Override
    public void onTimer(long nowNanos) {
        if (level2.isEmpty() && heartbeats.isEmpty() && nowNanos - openedNanos > SUBSCRIBE_DEADLINE_NANOS) {
            context.close();
            return;
        }
        if (!heartbeats.isEmpty() && nowNanos - lastHeartbeatNanos >= HEARTBEAT_NANOS) {
            lastHeartbeatNanos = nowNanos;
            context.send(proxy.heartbeat(heartbeatCounter++, sequence++, Instant.ofEpochSecond(0, nowNanos)));
        }
    }

    private Map<String, List<String>> subscriptionMap() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (!level2.isEmpty()) {
            map.put("level2", level2.stream().map(venue::symbol).toList());
        }
        if (!heartbeats.isEmpty()) {
            map.put("heartbeats", heartbeats.stream().map(venue::symbol).toList());
        }
        return map;
    }
}
