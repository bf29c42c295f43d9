package dev.sweep.venue.kraken;

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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Kraken Spot WebSocket API v2, channel {@code book}: snapshot and updates of up to the subscribed depth, prices and
 * quantities as JSON numbers, a CRC32 checksum of the top 10 levels on every message, no sequence numbers.
 */
public final class KrakenVenue implements Venue {

    /** The deepest book Kraken serves, the default: a sweep needs depth; the checksum still covers only the top 10. */
    public static final int MAX_DEPTH = 1000;

    /** The depths Kraken accepts in a book subscription. */
    public static final List<Integer> DEPTHS = List.of(10, 25, 100, 500, 1000);

    private static final long TAKER_FEE = TakerFee.parse("0.40%");
    /** Coarse tick, tight spread, a deep book it serves up to 1,000 levels of. */
    private static final MarketProfile MARKET = new MarketProfile(1, 3, 400, 600, 40);

    private final VenueDescriptor descriptor;

    /** Subscribes at the deepest depth. */
    public KrakenVenue() {
        this(MAX_DEPTH);
    }

    /**
     * @param depth levels per side to subscribe to, one of {@link #DEPTHS}
     */
    public KrakenVenue(int depth) {
        if (!DEPTHS.contains(depth)) {
            throw new IllegalArgumentException("Kraken book depth must be one of " + DEPTHS + ": " + depth);
        }
        // Heartbeats come every second while subscribed; five seconds of silence is five missed.
        this.descriptor = new VenueDescriptor("kraken", URI.create("wss://ws.kraken.com/v2"), Optional.empty(),
                SymbolFormat.upperCase("/"), TAKER_FEE, depth, Integrity.CHECKSUM, KeepAlive.NONE,
                Duration.ofSeconds(5), MARKET);
    }

    @Override
    public VenueDescriptor descriptor() {
        return descriptor;
    }

    /** Kraken lists BTC against USD and USDT, and USDT against USD: the book that gives a conversion rate. */
    @Override
    public Set<String> quoteCurrencies() {
        return Set.of("USD", "USDT");
    }

    @Override
    public int pricePrecision(Instrument instrument) {
        int precision = KrakenPrecisions.price(symbol(instrument));
        return precision == KrakenPrecisions.UNKNOWN ? 2 : Math.min(precision, instrument.priceScale());
    }

    @Override
    public String integrity() {
        return "CRC32 checksum of the top 10 levels on every update";
    }

    /**
     * The instrument channel first (its snapshot gives the precisions the checksum needs), then the books.
     */
    @Override
    public List<String> subscribeMessages(List<Instrument> instruments) {
        String instrumentChannel = JsonWriter.text(json -> {
            json.writeStartObject();
            json.writeStringField("method", "subscribe");
            json.writeObjectFieldStart("params");
            json.writeStringField("channel", "instrument");
            json.writeEndObject();
            json.writeNumberField("req_id", 1);
            json.writeEndObject();
        });
        String bookChannel = JsonWriter.text(json -> {
            json.writeStartObject();
            json.writeStringField("method", "subscribe");
            json.writeObjectFieldStart("params");
            json.writeStringField("channel", "book");
            json.writeArrayFieldStart("symbol");
            for (Instrument instrument : instruments) {
                json.writeString(symbol(instrument));
            }
            json.writeEndArray();
            json.writeNumberField("depth", descriptor.depth());
            json.writeBooleanField("snapshot", true);
            json.writeEndObject();
            json.writeNumberField("req_id", 2);
            json.writeEndObject();
        });
        return List.of(instrumentChannel, bookChannel);
    }

    @Override
    public FeedAdapter newAdapter(VenueBooks books) {
        return new KrakenFeedAdapter(books);
    }

    @Override
    public ServerSession newServerSession(ServerContext context) {
        return new KrakenServerSession(this, context);
    }

}
