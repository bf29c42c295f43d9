package dev.sweep.venue.gemini;

import dev.sweep.core.Instrument;
import dev.sweep.core.TakerFee;
import dev.sweep.venue.FeedAdapter;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueBooks;
import dev.sweep.venue.json.JsonWriter;
import dev.sweep.venue.server.MarketProfile;
import dev.sweep.venue.server.ServerContext;
import dev.sweep.venue.server.ServerSession;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Gemini market data v2, subscription {@code l2}: the whole book in the first {@code l2_updates} of a symbol, then
 * changes, sizes as decimal strings, no sequence numbers. Gemini files v2 as archived in favour of a newer API
 * ({@code wss://ws.gemini.com}, Binance-style streams); v2 is the original tool's feed and stays the default. The
 * classes of the v2 dialect carry {@code V2} in their names so that a second dialect can live beside them.
 */
public final class GeminiVenue implements Venue {

    private static final long TAKER_FEE = TakerFee.parsePercent("0.40%");
    /** Cent tick, wider spread, a thinner book with larger levels. */
    private static final MarketProfile MARKET = new MarketProfile(2, 150, 200, 320, 60);

    @Override
    public String name() {
        return "gemini";
    }

    @Override
    public URI defaultEndpoint() {
        return URI.create("wss://api.gemini.com/v2/marketdata");
    }

    @Override
    public String symbol(Instrument instrument) {
        return instrument.base() + instrument.quote();
    }

    @Override
    public int pricePrecision(Instrument instrument) {
        return 2;
    }

    @Override
    public long defaultTakerFee() {
        return TAKER_FEE;
    }

    @Override
    public int bookDepth() {
        return 0;
    }

    /** v2 documents no heartbeat; quiet symbols can go seconds without a change. */
    @Override
    public Duration silenceTimeout() {
        return Duration.ofSeconds(15);
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

    @Override
    public MarketProfile marketProfile() {
        return MARKET;
    }
}
