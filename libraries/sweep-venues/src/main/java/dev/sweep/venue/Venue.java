package dev.sweep.venue;

import dev.sweep.core.Instrument;
import dev.sweep.venue.server.MarketProfile;
import dev.sweep.venue.server.ServerContext;
import dev.sweep.venue.server.ServerSession;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One exchange's public Level-2 feed: where it is, how to subscribe, how it names instruments, how to decode it, and
 * its server side for the simulator. Implementations are found with {@link java.util.ServiceLoader} (see
 * {@link Venues}); adding a venue adds a package and a service entry, and touches nothing else.
 */
public interface Venue {

    /** Lower-case name used everywhere: command line, reports, logs ({@code "kraken"}). */
    String name();

    /** The production WebSocket endpoint. */
    URI defaultEndpoint();

    /** The instrument as the venue names it: {@code BTC-USD} is {@code BTC/USD} on Kraken, {@code BTCUSD} on Gemini. */
    String symbol(Instrument instrument);

    /** Decimals the venue quotes the instrument's prices with, for display. */
    int pricePrecision(Instrument instrument);

    /** The taker fee of the venue's lowest 30-day volume tier, as a {@link dev.sweep.core.TakerFee}. */
    long defaultTakerFee();

    /**
     * Levels per side the venue sends and the client must keep, or 0 when the feed carries the full book. A venue that
     * sends a limited depth also expects the client to drop levels that fall out of it.
     */
    int bookDepth();

    /**
     * How long the feed may stay silent before its books are stale: a few of the venue's heartbeat intervals. A
     * connection silent for much longer than this is considered dead and replaced.
     */
    default Duration silenceTimeout() {
        return Duration.ofSeconds(5);
    }

    /** The text frames to send after connecting, to receive the books of these instruments. */
    List<String> subscribeMessages(List<Instrument> instruments);

    /** The decoder for one connection, writing to that connection's books. */
    FeedAdapter newAdapter(VenueBooks books);

    /** The server side of one client connection, for the simulator: the venue's dialect, with no network in it. */
    ServerSession newServerSession(ServerContext context);

    /** How the venue quotes in the simulator's synthetic market. */
    MarketProfile marketProfile();

    /**
     * Where the simulator serves the venue: its name, then the path of its production endpoint, so that a client
     * needs only the host changed ({@code /kraken/v2}, {@code /coinbase}).
     */
    default String simulatorPath() {
        return "/" + name() + defaultEndpoint().getPath();
    }

    /** Books for one connection with this venue's depth rule. */
    default VenueBooks newBooks(List<Instrument> instruments, FeedListener listener) {
        return new VenueBooks(this, instruments, bookDepth(), listener);
    }
}
