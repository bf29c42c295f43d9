package dev.sweep.venue.coinbase;

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
 * Coinbase Advanced Trade WebSocket, channel {@code level2} (messages arrive on channel {@code l2_data}): the full
 * book as a snapshot, then updates, sizes as decimal strings, a {@code sequence_num} on every frame of the
 * connection. Public: no key is needed. The {@code heartbeats} channel is subscribed too, because Coinbase closes
 * quiet subscriptions after a minute or so.
 */
public final class CoinbaseVenue implements Venue {

    private static final long TAKER_FEE = TakerFee.parse("1.20%");
    /** Cent tick, the deepest book, middling sizes. */
    private static final MarketProfile MARKET = new MarketProfile(2, 40, 600, 900, 25);
    /** The heartbeats channel sends a frame every second: five seconds of silence is five missed. */
    private static final VenueDescriptor DESCRIPTOR = new VenueDescriptor("coinbase",
            URI.create("wss://advanced-trade-ws.coinbase.com"), Optional.empty(), SymbolFormat.upperCase("-"),
            TAKER_FEE, 0, Integrity.GAP_FREE_COUNTER, KeepAlive.NONE, Duration.ofSeconds(5), MARKET);

    @Override
    public VenueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Coinbase lists BTC against USD and USDT, and USDT against USD: the book that gives a conversion rate. */
    @Override
    public Set<String> quoteCurrencies() {
        return Set.of("USD", "USDT");
    }

    @Override
    public String integrity() {
        return "sequence_num on every frame: a gap breaks the books";
    }

    @Override
    public List<String> subscribeMessages(List<Instrument> instruments) {
        return List.of(subscribe(instruments, "level2"), subscribe(instruments, "heartbeats"));
    }

    private String subscribe(List<Instrument> instruments, String channel) {
        return JsonWriter.text(json -> {
            json.writeStartObject();
            json.writeStringField("type", "subscribe");
            json.writeArrayFieldStart("product_ids");
            for (Instrument instrument : instruments) {
                json.writeString(symbol(instrument));
            }
            json.writeEndArray();
            json.writeStringField("channel", channel);
            json.writeEndObject();
        });
    }

    @Override
    public FeedAdapter newAdapter(VenueBooks books) {
        return new CoinbaseFeedAdapter(books);
    }

    @Override
    public ServerSession newServerSession(ServerContext context) {
        return new CoinbaseServerSession(this, context);
    }

}
