package dev.sweep.venue;

import dev.sweep.venue.server.MarketProfile;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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
 * @param quotes         the quote currencies of the books Sweep takes from the venue ({@code USD}, {@code USDT}), in
 *                       upper case: a sweep in another currency converts these books, or leaves the venue out
 */
public record VenueDescriptor(String name, URI webSocket, Optional<URI> rest, SymbolFormat symbols, long takerFee,
                              int depth, Integrity integrity, KeepAlive keepAlive, Duration silenceTimeout,
                              MarketProfile market, List<String> quotes) {

    public VenueDescriptor {
        if (!name.matches("[a-z][a-z0-9]*")) {
            throw new IllegalArgumentException("a venue's name is lower-case letters and digits: '" + name + "'");
        }
        if (takerFee < 0 || depth < 0 || silenceTimeout.isNegative() || silenceTimeout.isZero()) {
            throw new IllegalArgumentException(name + ": fee, depth and silence timeout must not be negative, and the"
                    + " timeout not zero");
        }
        quotes = List.copyOf(quotes);
        if (quotes.isEmpty() || quotes.stream().anyMatch(quote -> !quote.matches("[A-Z0-9]+"))) {
            throw new IllegalArgumentException(name + ": a venue lists books in one or more upper-case currencies: "
                    + quotes);
        }
    }

    /** Whether the venue lists books quoted in {@code currency}. */
    public boolean lists(String currency) {
        return quotes.contains(currency);
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
