package dev.sweep.venue.binance;

import dev.sweep.core.Instrument;
import dev.sweep.core.TakerFee;
import dev.sweep.venue.FeedAdapter;
import dev.sweep.venue.Integrity;
import dev.sweep.venue.KeepAlive;
import dev.sweep.venue.RestSnapshots;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Binance spot: the diff depth stream {@code <symbol>@depth@100ms} over WebSocket, joined to the REST snapshot
 * {@code GET /api/v3/depth?limit=5000} by the update ids (binance/binance-spot-api-docs, web-socket-streams.md "How to
 * manage a local order book correctly" and rest-api.md "Order book", as of 2026-07). Public: no key.
 *
 * <pre>
 * client: {"method":"SUBSCRIBE","params":["btcusdt@depth@100ms"],"id":1}
 * venue:  {"result":null,"id":1}
 *         {"e":"depthUpdate","E":1672515782136,"s":"BTCUSDT","U":157,"u":160,"b":[["0.0024","10"]],
 *          "a":[["0.0026","100"]]}
 *         {"code":2,"msg":"Invalid request: too many parameters"}
 * REST:   GET /api/v3/depth?symbol=BTCUSDT&amp;limit=5000
 *         {"lastUpdateId":1027024,"bids":[["4.00000000","431.00000000"]],"asks":[["4.00000200","12.00000000"]]}
 * </pre>
 *
 * Endpoints: {@code wss://stream.binance.com:9443/ws} and {@code https://api.binance.com}, the base endpoints the
 * documents give first and the ones their limits are stated for; the market-data-only hosts
 * ({@code wss://data-stream.binance.vision}, {@code https://data-api.binance.vision}) serve the same stream and depth
 * endpoint and can be chosen with {@code --endpoint} and {@code --rest-endpoint}. Symbols are upper case in REST and
 * in events ({@code BTCUSDT}), lower case in stream names ({@code btcusdt@depth@100ms}).
 *
 * <p>Keep-alive: Binance pings every 20 s with a WebSocket ping frame and drops a client whose pong has not come
 * within a minute; Netty's WebSocket handler answers every ping with a pong of the same payload, so the client sends
 * nothing of its own. Each event's quantities are the level's new total, 0 deleting it.
 */
public final class BinanceVenue implements Venue {

    /** 0.10 %: the regular (VIP 0) spot taker rate, without the BNB discount. */
    private static final long TAKER_FEE = TakerFee.parse("0.10%");
    /** Cent tick, a spread of a tick or two, a deep book of small levels. */
    private static final MarketProfile MARKET = new MarketProfile(2, 2, 300, 500, 15);
    /**
     * A liquid book changes every 100 ms and each push carries the changes: five seconds without one is fifty pushes
     * missed. The pings do not count: Netty answers them below the adapter. A connection lives at most 24 h ("expect
     * to be disconnected at the 24 hour mark", web-socket-streams.md).
     */
    private static final VenueDescriptor DESCRIPTOR = new VenueDescriptor("binance",
            URI.create("wss://stream.binance.com:9443/ws"), Optional.of(URI.create("https://api.binance.com")),
            SymbolFormat.upperCase(""), TAKER_FEE, BinanceSnapshots.MAX_LIMIT, Integrity.ID_RANGE, KeepAlive.NONE,
            Duration.ofSeconds(5), MARKET, Duration.ofHours(24));

    private final RestSnapshots snapshots;

    /** Binance as it is: a book's snapshot asked for at most every 5 s. */
    public BinanceVenue() {
        this(BinanceSnapshots.MIN_INTERVAL);
    }

    /**
     * Binance with another least time between two requests for one book's snapshot: how a test whose snapshots fail
     * sees the five attempts in a second rather than in twenty.
     */
    public BinanceVenue(Duration snapshotInterval) {
        this.snapshots = new BinanceSnapshots(DESCRIPTOR.symbols(), snapshotInterval);
    }

    @Override
    public VenueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Binance lists its spot books against USDT (and other stablecoins), not against the dollar. */
    @Override
    public Set<String> quoteCurrencies() {
        return Set.of("USDT");
    }

    @Override
    public String integrity() {
        return "update id ranges U..u joined to a REST snapshot of 5,000 levels a side: a gap breaks the book;"
                + " the book is truncated at the snapshot's last level";
    }

    @Override
    public Optional<RestSnapshots> restSnapshots() {
        return Optional.of(snapshots);
    }

    @Override
    public List<String> subscribeMessages(List<Instrument> instruments) {
        return List.of(JsonWriter.text(json -> {
            json.writeStartObject();
            json.writeStringField("method", "SUBSCRIBE");
            json.writeArrayFieldStart("params");
            for (Instrument instrument : instruments) {
                json.writeString(stream(instrument));
            }
            json.writeEndArray();
            json.writeNumberField("id", 1);
            json.writeEndObject();
        }));
    }

    /** The diff depth stream of an instrument: {@code btcusdt@depth@100ms}. */
    String stream(Instrument instrument) {
        return symbol(instrument).toLowerCase(Locale.ROOT) + "@depth@100ms";
    }

    @Override
    public FeedAdapter newAdapter(VenueBooks books) {
        return new BinanceFeedAdapter(books, snapshots.maxBufferedUpdates());
    }

    @Override
    public ServerSession newServerSession(ServerContext context) {
        return new BinanceServerSession(this, context);
    }
}
