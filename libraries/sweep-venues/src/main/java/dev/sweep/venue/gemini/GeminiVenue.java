package dev.sweep.venue.gemini;

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

/**
 * Gemini market data v2, subscription {@code l2}: the whole book in the first {@code l2_updates} of a symbol, then
 * changes, sizes as decimal strings, no sequence numbers. Gemini files v2 as archived in favour of a newer API
 * ({@code wss://ws.gemini.com}, Binance-style streams); v2 is the original tool's feed and stays the default. The
 * classes of the v2 dialect carry {@code V2} in their names so that a second dialect can live beside them.
 */
public final class GeminiVenue implements Venue {

    private static final long TAKER_FEE = TakerFee.parse("0.40%");
    /** Cent tick, wider spread, a thinner book with larger levels. */
    private static final MarketProfile MARKET = new MarketProfile(2, 150, 200, 320, 60);
    /**
     * v2 has no sequence numbers: its books are unverified. It documents no heartbeat, and quiet symbols can go
     * seconds without a change: fifteen seconds of silence before the books are stale.
     */
    private static final VenueDescriptor DESCRIPTOR = new VenueDescriptor("gemini",
            URI.create("wss://api.gemini.com/v2/marketdata"), Optional.empty(), SymbolFormat.upperCase(""),
            TAKER_FEE, 0, Integrity.NONE, KeepAlive.NONE, Duration.ofSeconds(15), MARKET);

    @Override
    public VenueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public String integrity() {
        return "none: no sequence numbers, no checksum";
    }

    @Override
    public List<String> subscribeMessages(List<Instrument> instruments) {
        return List.of(JsonWriter.text(json -> {
            json.writeStartObject();
            json.writeStringField("type", "subscribe");
            json.writeArrayFieldStart("subscriptions");
            json.writeStartObject();
            json.writeStringField("name", "l2");
            json.writeArrayFieldStart("symbols");
            for (Instrument instrument : instruments) {
                json.writeString(symbol(instrument));
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        }));
    }

    @Override
    public FeedAdapter newAdapter(VenueBooks books) {
        return new GeminiV2FeedAdapter(books);
    }

    @Override
    public ServerSession newServerSession(ServerContext context) {
        return new GeminiV2ServerSession(this, context);
    }

}
