package dev.sweep.venue.testvenue;

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
 * A venue that exists only in tests, to prove that a venue is its package and one service line: the simulator serves
 * it, the contract suite runs over it, and nothing else names it. Its protocol is as small as a real one can be:
 *
 * <pre>
 * client: {"op":"subscribe","symbols":["BTC-USD"]}
 * venue:  {"seq":1,"type":"snapshot","symbol":"BTC-USD","levels":[["bid","67000.1","0.5"],["ask","67000.2","1"]]}
 *         {"seq":2,"type":"update","symbol":"BTC-USD","levels":[["bid","67000.1","0"]]}      (size 0 deletes)
 *         {"seq":3,"type":"heartbeat"}                                                       (after 1 s of quiet)
 *         {"type":"error","message":"unknown symbol PUPS-USD"}
 * </pre>
 *
 * {@code seq} counts the connection's frames without a gap.
 *
 * <p>Its subclasses speak the same protocol, each with one client keep-alive rule of a real venue instead of the
 * heartbeats, which their server side enforces as that venue does: {@link TextPingTestVenue} (OKX),
 * {@link JsonPingTestVenue} (Bybit), {@link HeartbeatTestVenue} (Crypto.com).
 */
public sealed class TestVenue implements Venue permits TextPingTestVenue, JsonPingTestVenue, HeartbeatTestVenue {

    private static final MarketProfile MARKET = new MarketProfile(2, 20, 100, 200, 30);

    private final VenueDescriptor descriptor;

    public TestVenue() {
        this("testvenue", KeepAlive.NONE, Duration.ofSeconds(5));
    }

    TestVenue(String name, KeepAlive keepAlive, Duration silenceTimeout) {
        this.descriptor = new VenueDescriptor(name, URI.create("wss://stream." + name + ".invalid/ws"),
                Optional.empty(), SymbolFormat.upperCase("-"), TakerFee.parse("0.10%"), 0, Integrity.GAP_FREE_COUNTER,
                keepAlive, silenceTimeout, MARKET);
    }

    @Override
    public VenueDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<String> subscribeMessages(List<Instrument> instruments) {
        return List.of(JsonWriter.text(json -> {
            json.writeStartObject();
            json.writeStringField("op", "subscribe");
            json.writeArrayFieldStart("symbols");
            for (Instrument instrument : instruments) {
                json.writeString(symbol(instrument));
            }
            json.writeEndArray();
            json.writeEndObject();
        }));
    }

    @Override
    public FeedAdapter newAdapter(VenueBooks books) {
        return new TestVenueAdapter(books);
    }

    @Override
    public ServerSession newServerSession(ServerContext context) {
        return new TestVenueSession(this, context);
    }
}
