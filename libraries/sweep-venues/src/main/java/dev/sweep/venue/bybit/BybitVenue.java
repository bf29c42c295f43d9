package dev.sweep.venue.bybit;

import dev.sweep.core.Instrument;
import dev.sweep.core.TakerFee;
import dev.sweep.venue.FeedAdapter;
import dev.sweep.venue.Integrity;
import dev.sweep.venue.KeepAlive;
import dev.sweep.venue.SymbolFormat;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.VenueDescriptor;
import dev.sweep.venue.json.JsonWriter;
import dev.sweep.venue.server.MarketProfile;
import dev.sweep.venue.server.ServerContext;
import dev.sweep.venue.server.ServerSession;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bybit spot v5 public WebSocket, topic {@code orderbook.200.<SYMBOL>}: a snapshot of 200 levels a side, then deltas
 * every 100 ms, sizes as decimal strings (size 0 deletes), an update id {@code u} that rises by one per message of a
 * topic. A snapshot may come again at any time (with {@code u} = 1 after a restart of Bybit's service) and replaces
 * the book. Bybit quotes in USDT. The client pings with {@code {"op":"ping"}} (Bybit recommends every 20 s).
 */
public final class BybitVenue implements Venue {

    /** The depths Bybit serves spot books at; 200 comes every 100 ms, 1000 every 200 ms. */
    static final Set<Integer> DEPTHS = Set.of(1, 50, 200, 1000);
    static final int DEPTH = 200;
    /** Non-VIP spot taker fee, every pair (Bybit help centre, 2026). */
    private static final long TAKER_FEE = TakerFee.parse("0.10%");
    /** BTCUSDT's 0.1 tick, a tight spread, more levels than the 200 subscribed so that the cut shows. */
    private static final MarketProfile MARKET = new MarketProfile(1, 2, 220, 320, 30);
    /** Price decimals of the instruments-info tick sizes (BTCUSDT 0.1); other pairs tick at 0.01. */
    private static final Map<String, Integer> PRICE_DECIMALS = Map.of("BTC", 1);
    /**
     * Bybit sends no heartbeats: a quiet book's connection hears only the pong to the ping the feed sends after 20 s,
     * so 25 s of silence means the answer did not come.
     */
    private static final VenueDescriptor DESCRIPTOR = new VenueDescriptor("bybit",
            URI.create("wss://stream.bybit.com/v5/public/spot"), Optional.empty(),
            SymbolFormat.upperCase(""), TAKER_FEE, DEPTH, Integrity.GAP_FREE_COUNTER,
            KeepAlive.jsonPing("{\"op\":\"ping\"}", Duration.ofSeconds(20)), Duration.ofSeconds(25), MARKET);

    @Override
    public VenueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Set<String> quoteCurrencies() {
        return Set.of("USDT");
    }

    @Override
    public Map<String, Integer> priceDecimals() {
        return PRICE_DECIMALS;
    }

    @Override
    public String integrity() {
        return "u rises by one per message of a book: a gap breaks the book; a snapshot (u = 1 after a restart)"
                + " replaces it";
    }

    /** One request for every book: spot takes at most 10 topics a request. */
    @Override
    public List<String> subscribeMessages(List<Instrument> instruments) {
        List<String> requests = new ArrayList<>();
        for (int from = 0; from < instruments.size(); from += BybitServerSession.MAX_ARGS) {
            List<Instrument> some = instruments.subList(from, Math.min(instruments.size(),
                    from + BybitServerSession.MAX_ARGS));
            requests.add(JsonWriter.text(json -> {
                json.writeStartObject();
                json.writeStringField("op", "subscribe");
                json.writeArrayFieldStart("args");
                for (Instrument instrument : some) {
                    json.writeString(topic(symbol(instrument)));
                }
                json.writeEndArray();
                json.writeEndObject();
            }));
        }
        return requests;
    }

    static String topic(String symbol) {
        return "orderbook." + DEPTH + "." + symbol;
    }

    @Override
    public FeedAdapter newAdapter(VenueBooks books) {
        return new BybitFeedAdapter(books);
    }

    @Override
    public ServerSession newServerSession(ServerContext context) {
        return new BybitServerSession(this, context);
    }
}
