package dev.sweep.venue.okx;

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
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OKX v5 public WebSocket, channel {@code books}: a snapshot of 400 levels a side, then updates every 100 ms, sizes as
 * decimal strings (size 0 deletes), each message naming the {@code seqId} of the one before it ({@code prevSeqId},
 * -1 on a snapshot). Ids jump; a message that changes nothing repeats its {@code seqId}; after maintenance the ids
 * restart lower. OKX quotes these books in USDT. The client pings with the text {@code ping} (OKX closes a connection
 * it has sent nothing for 30 s).
 */
public final class OkxVenue implements Venue {

    static final String CHANNEL = "books";
    static final int DEPTH = 400;
    /** Lv1 regular user, USDT pairs (okx.com/fees). */
    private static final long TAKER_FEE = TakerFee.parse("0.10%");
    /** BTC-USDT's 0.1 tick, a tight spread, more levels than the 400 subscribed so that the cut shows. */
    private static final MarketProfile MARKET = new MarketProfile(1, 2, 420, 520, 20);
    /** Price decimals of the instruments' tick sizes (BTC-USDT 0.1); other pairs tick at 0.01. */
    private static final Map<String, Integer> PRICE_DECIMALS = Map.of("BTC", 1);
    /**
     * A timer of 20 s (OKX: any N below 30) restarted by every message sends the ping; 25 s of silence means the pong
     * did not come.
     */
    private static final VenueDescriptor DESCRIPTOR = new VenueDescriptor("okx",
            URI.create("wss://ws.okx.com:8443/ws/v5/public"), Optional.of(URI.create("https://openapi.okx.com")),
            SymbolFormat.upperCase("-"),
            TAKER_FEE, DEPTH, Integrity.CHAINED_ID, KeepAlive.textPing("ping", Duration.ofSeconds(20)),
            Duration.ofSeconds(25), MARKET);

    private static final RestSnapshots SNAPSHOTS = new OkxSnapshots(DESCRIPTOR.symbols());

    private final boolean inBandSnapshot;

    /** OKX as documented today: {@code books} starts with the book's snapshot. */
    public OkxVenue() {
        this(true);
    }

    private OkxVenue(boolean inBandSnapshot) {
        this.inBandSnapshot = inBandSnapshot;
    }

    /**
     * OKX's server side as announced for {@code books} (changelog, updated 2026-02-12): no snapshot on the channel,
     * the book fetched over REST and spliced into the updates. For the simulator; the client side is the same.
     */
    public static OkxVenue withoutInBandSnapshot() {
        return new OkxVenue(false);
    }

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
        return "each message names the seqId before it (ids jump); a non-zero checksum of the top 25 levels is"
                + " checked; without a snapshot on the channel, a REST snapshot of 400 levels is spliced in by seqId";
    }

    /** Its ids are the check, but a non-zero checksum is verified too, so a wrong one breaks the book. */
    @Override
    public boolean carriesChecksum() {
        return true;
    }

    /**
     * {@code GET /api/v5/market/books?sz=400}, which a book splices into its updates when the channel does not start
     * with its snapshot.
     */
    @Override
    public Optional<RestSnapshots> restSnapshots() {
        return Optional.of(SNAPSHOTS);
    }

    @Override
    public List<String> subscribeMessages(List<Instrument> instruments) {
        return List.of(JsonWriter.text(json -> {
            json.writeStartObject();
            json.writeStringField("id", "1");
            json.writeStringField("op", "subscribe");
            json.writeArrayFieldStart("args");
            for (Instrument instrument : instruments) {
                json.writeStartObject();
                json.writeStringField("channel", CHANNEL);
                json.writeStringField("instId", symbol(instrument));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }));
    }

    @Override
    public FeedAdapter newAdapter(VenueBooks books) {
        return new OkxFeedAdapter(books, SNAPSHOTS.maxBufferedUpdates());
    }

    @Override
    public ServerSession newServerSession(ServerContext context) {
        return new OkxServerSession(context, inBandSnapshot);
    }
}
