package dev.sweep.venue;

import dev.sweep.venue.server.MarketProfile;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * What a venue is, as data: where it is, how it names instruments, what it charges, how deep a book it sends, how
 * its books are checked, how its connections are kept alive, and how it quotes in the simulator.
 *
 * @param name           lower-case name used everywhere: command line, reports, logs ({@code kraken})
 * @param webSocket      the production WebSocket endpoint
 * @param rest           the production REST endpoint for snapshots, for venues whose books start from one
 * @param symbols        how the venue writes instruments
 * @param takerFee       the taker fee of the lowest 30-day volume tier, as a {@link dev.sweep.core.TakerFee}
 * @param depth          levels per side the client subscribes to and keeps, or 0 when the feed carries the full book
 * @param integrity      how the venue's books are checked
 * @param keepAlive      what the client must send to stay connected
 * @param silenceTimeout how long the feed may stay silent before its books are stale: a few heartbeat intervals
 * @param market         how the venue quotes in the simulator's synthetic market
 * @param connectionLife the longest the venue keeps a connection open before closing it (Binance: 24 h), or zero when
 *                       it sets no limit: the feed replaces a connection before then ({@link #plannedReconnect})
 */
public record VenueDescriptor(String name, URI webSocket, Optional<URI> rest, SymbolFormat symbols, long takerFee,
                              int depth, Integrity integrity, KeepAlive keepAlive, Duration silenceTimeout,
                              MarketProfile market, Duration connectionLife) {

    /** The longest a replacement connection is opened ahead of the venue's limit. */
    private static final Duration RECONNECT_AHEAD = Duration.ofMinutes(10);

    /** A venue that keeps a connection open as long as the client keeps it alive. */
    public VenueDescriptor(String name, URI webSocket, Optional<URI> rest, SymbolFormat symbols, long takerFee,
                           int depth, Integrity integrity, KeepAlive keepAlive, Duration silenceTimeout,
                           MarketProfile market) {
        this(name, webSocket, rest, symbols, takerFee, depth, integrity, keepAlive, silenceTimeout, market,
                Duration.ZERO);
    }

    public VenueDescriptor {
        if (!name.matches("[a-z][a-z0-9]*")) {
            throw new IllegalArgumentException("a venue's name is lower-case letters and digits: '" + name + "'");
        }
        if (takerFee < 0 || depth < 0 || silenceTimeout.isNegative() || silenceTimeout.isZero()) {
            throw new IllegalArgumentException(name + ": fee, depth and silence timeout must not be negative, and the"
                    + " timeout not zero");
        }
        if (connectionLife.isNegative()) {
            throw new IllegalArgumentException(name + ": a connection's life must not be negative");
        }
    }

    /** The same venue with another keep-alive rule: how a test plays a client that ignores the venue's rule. */
    public VenueDescriptor withKeepAlive(KeepAlive rule) {
        return new VenueDescriptor(name, webSocket, rest, symbols, takerFee, depth, integrity, rule, silenceTimeout,
                market, connectionLife);
    }

    /** The same venue with another connection life: how a test makes a day pass in seconds. */
    public VenueDescriptor withConnectionLife(Duration life) {
        return new VenueDescriptor(name, webSocket, rest, symbols, takerFee, depth, integrity, keepAlive,
                silenceTimeout, market, life);
    }

    /**
     * How long after it opened a connection is replaced, by a new one whose books are live before the old one closes,
     * or empty for a venue that sets no limit: ten minutes before the venue's limit, or halfway through a life shorter
     * than twenty minutes, so that the new connection has time to sync before the venue closes the old one.
     */
    public Optional<Duration> plannedReconnect() {
        if (connectionLife.isZero()) {
            return Optional.empty();
        }
        Duration half = connectionLife.dividedBy(2);
        return Optional.of(connectionLife.minus(half.compareTo(RECONNECT_AHEAD) < 0 ? half : RECONNECT_AHEAD));
    }

    /**
     * Where the simulator serves the venue: its name, then the path of its production endpoint, so that a client
     * needs only the host changed ({@code /kraken/v2}, {@code /coinbase}).
     */
    public String simulatorPath() {
        return "/" + name + webSocket.getPath();
    }

    /**
     * Where the simulator serves the venue's REST endpoint, on the same port: its name, then the path of its
     * production REST endpoint ({@code /binance}); empty for a venue without one.
     */
    public Optional<String> simulatorRestPath() {
        return rest.map(endpoint -> ("/" + name + endpoint.getPath()).replaceAll("/+$", ""));
    }
}
