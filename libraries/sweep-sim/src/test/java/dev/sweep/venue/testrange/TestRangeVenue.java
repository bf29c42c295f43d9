package dev.sweep.venue.testrange;

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
import java.util.Optional;

/**
 * A venue that exists only in tests, with Binance's way of keeping a book: its WebSocket sends only diffs, each
 * covering a range of the book's update ids, and a book starts from a snapshot fetched over REST and spliced into them.
 * It proves that such a venue is its package and one service line: the simulator serves it (WebSocket and REST), the
 * contract suites run over it, and nothing else names it.
 *
 * <pre>
 * client: {"method":"SUBSCRIBE","symbols":["BTCUSD"],"id":1}
 * venue:  {"result":null,"id":1}
 *         {"e":"depthUpdate","E":1796212800000,"s":"BTCUSD","U":157,"u":160,
 *          "b":[["67000.1","0.5"]],"a":[["67000.2","0"]]}
 *         {"e":"heartbeat"}                                        (after 1 s of quiet: Binance pings instead)
 *         {"error":{"code":2,"msg":"unknown symbol PUPSUSD"},"id":1}
 * REST:   GET /api/v3/depth?symbol=BTCUSD&amp;limit=5000
 *         {"lastUpdateId":160,"bids":[["67000.1","0.5"]],"asks":[["67000.2","1"]]}
 *         400 {"code":-1121,"msg":"Invalid symbol."}
 * </pre>
 *
 * An update's {@code U} to {@code u} are the ids of the changes it carries, size 0 deleting a level; the snapshot holds
 * every change up to {@code lastUpdateId}.
 */
public final class TestRangeVenue implements Venue {

    private static final VenueDescriptor DESCRIPTOR = new VenueDescriptor("testrange",
            URI.create("wss://stream.testrange.invalid/ws"), Optional.of(URI.create("https://api.testrange.invalid")),
            SymbolFormat.upperCase(""), TakerFee.parse("0.10%"), 0, Integrity.ID_RANGE, KeepAlive.NONE,
            Duration.ofSeconds(5), new MarketProfile(2, 10, 150, 250, 40), List.of("USD"));
    private static final RestSnapshots SNAPSHOTS = new TestRangeSnapshots(DESCRIPTOR.symbols());

    @Override
    public VenueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public int pricePrecision(Instrument instrument) {
        return 2;
    }

    @Override
    public Optional<RestSnapshots> restSnapshots() {
        return Optional.of(SNAPSHOTS);
    }

    @Override
    public List<String> subscribeMessages(List<Instrument> instruments) {
        return List.of(JsonWriter.text(json -> {
            json.writeStartObject();
            json.writeStringField("method", "SUBSCRIBE");
            json.writeArrayFieldStart("symbols");
            for (Instrument instrument : instruments) {
                json.writeString(symbol(instrument));
            }
            json.writeEndArray();
            json.writeNumberField("id", 1);
            json.writeEndObject();
        }));
    }

    @Override
    public FeedAdapter newAdapter(VenueBooks books) {
        return new TestRangeAdapter(books, SNAPSHOTS.maxBufferedUpdates());
    }

    @Override
    public ServerSession newServerSession(ServerContext context) {
        return new TestRangeSession(this, context);
    }
}
