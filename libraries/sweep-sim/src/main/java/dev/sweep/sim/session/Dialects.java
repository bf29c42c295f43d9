package dev.sweep.sim.session;

import io.netty.channel.Channel;
import java.util.Map;
import java.util.function.BiFunction;

/** The WebSocket path of each venue's dialect, and how to open a session for it. */
public final class Dialects {

    /** Path → session factory: the venue's own path, so that a client needs only the host changed. */
    private static final Map<String, BiFunction<Channel, SimContext, Session>> BY_PATH = Map.of(
            "/kraken/v2", KrakenSession::new,
            "/coinbase", CoinbaseSession::new,
            "/gemini/v2/marketdata", GeminiSession::new);

    /** Venue → path. */
    public static final Map<String, String> PATHS = Map.of(
            "kraken", "/kraken/v2",
            "coinbase", "/coinbase",
            "gemini", "/gemini/v2/marketdata");

    private Dialects() {
    }

    /** A new session for a request path, or null when no venue is served there. */
    public static Session open(String path, Channel channel, SimContext context) {
        BiFunction<Channel, SimContext, Session> factory = BY_PATH.get(path);
        return factory == null ? null : factory.apply(channel, context);
    }
}
