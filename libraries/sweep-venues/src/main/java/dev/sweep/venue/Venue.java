package dev.sweep.venue;

import dev.sweep.core.Instrument;
import dev.sweep.venue.server.ServerContext;
import dev.sweep.venue.server.ServerSession;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One exchange's public Level-2 feed: its {@linkplain VenueDescriptor descriptor}, its subscribe messages, its feed
 * adapter, and its server side for the simulator. Implementations are found with {@link java.util.ServiceLoader}
 * (see {@link Venues}); adding a venue adds a package and a service entry, and touches nothing else.
 */
public interface Venue {

    /** What the venue is, as data. */
    VenueDescriptor descriptor();

    /** Lower-case name used everywhere: command line, reports, logs ({@code "kraken"}). */
    default String name() {
        return descriptor().name();
    }

    /** The production WebSocket endpoint. */
    default URI defaultEndpoint() {
        return descriptor().webSocket();
    }

    /** The instrument as the venue names it: {@code BTC-USD} is {@code BTC/USD} on Kraken, {@code BTCUSD} on Gemini. */
    default String symbol(Instrument instrument) {
        return descriptor().symbols().format(instrument);
    }

    /**
     * The currencies the venue's books quote in ({@code USD}, {@code USDT}), upper case. A sweep in one of them takes
     * the venue's book natively; a sweep in another converts the venue's book or leaves the venue out (README, "USD
     * and USDT"); a venue quoting in two gives the rate between them from its book of one in the other.
     */
    default Set<String> quoteCurrencies() {
        return Set.of("USD");
    }

    /**
     * Whether the venue keeps books of the instrument: it quotes in the instrument's quote currency, and a book of one
     * quote currency in another ({@code USDT-USD}, a rate book) only when it quotes in both.
     */
    default boolean lists(Instrument instrument) {
        Set<String> quotes = quoteCurrencies();
        return quotes.contains(instrument.quote())
                && (quotes.contains(instrument.base()) || !Venues.quoteCurrencies().contains(instrument.base()));
    }

    /**
     * Decimals the venue quotes the instrument's prices with, for display: its {@linkplain #priceDecimals() tick's}
     * for the instrument's base currency, the cent's 2 for any other, never more than the instrument's price scale.
     */
    default int pricePrecision(Instrument instrument) {
        return Math.min(priceDecimals().getOrDefault(instrument.base(), 2), instrument.priceScale());
    }

    /**
     * The decimals of the venue's price ticks by base currency ({@code BTC} → 1 where BTC ticks at 0.1), for the
     * bases whose tick is not the cent; empty where every book ticks at the cent.
     */
    default Map<String, Integer> priceDecimals() {
        return Map.of();
    }

    /** The taker fee of the venue's lowest 30-day volume tier, as a {@link dev.sweep.core.TakerFee}. */
    default long defaultTakerFee() {
        return descriptor().takerFee();
    }

    /**
     * What the venue's feed lets a client check to know its book is whole, in one line for people ({@code sweep
     * venues}): a checksum, sequence numbers, or nothing beyond the snapshot. The checks every venue gets (a crossed
     * book, a rejected frame, silence) are not repeated here.
     */
    default String integrity() {
        return descriptor().integrity().description();
    }

    /**
     * Whether the venue's messages can carry a checksum of the book, one a corrupted value shows against: every venue
     * of the {@linkplain Integrity#CHECKSUM checksum family}, and one of another family that sends a checksum beside
     * its ids (OKX).
     */
    default boolean carriesChecksum() {
        return descriptor().integrity().detectsCorruption();
    }

    /**
     * Levels per side the venue sends and the client must keep, or 0 when the feed carries the full book. A venue that
     * sends a limited depth also expects the client to drop levels that fall out of it.
     */
    default int bookDepth() {
        return descriptor().depth();
    }

    /**
     * How long the feed may stay silent before its books are stale: a few of the venue's heartbeat intervals. A
     * connection silent for much longer than this is considered dead and replaced.
     */
    default Duration silenceTimeout() {
        return descriptor().silenceTimeout();
    }

    /**
     * How the venue serves snapshots over REST, for a venue whose WebSocket sends only diffs; empty for a venue whose
     * WebSocket sends its snapshots too. Present exactly when the descriptor has a REST endpoint.
     */
    default Optional<RestSnapshots> restSnapshots() {
        return Optional.empty();
    }

    /** The text frames to send after connecting, to receive the books of these instruments. */
    List<String> subscribeMessages(List<Instrument> instruments);

    /**
     * The answer to the venue's heartbeat request {@code id}, for a venue whose {@link KeepAlive.Rule} is
     * {@link KeepAlive.Rule#ANSWER_HEARTBEAT}: its adapter reports each request with
     * {@link FeedListener#onHeartbeatRequest}, and the connection sends this at once.
     *
     * @throws UnsupportedOperationException for a venue that sends no heartbeat requests
     */
    default String heartbeatAnswer(long id) {
        throw new UnsupportedOperationException(name() + " sends no heartbeat requests to answer");
    }

    /** The decoder for one connection, writing to that connection's books. */
    FeedAdapter newAdapter(VenueBooks books);

    /** The server side of one client connection, for the simulator: the venue's dialect, with no network in it. */
    ServerSession newServerSession(ServerContext context);

    /** Books for one connection with this venue's depth rule. */
    default VenueBooks newBooks(List<Instrument> instruments, FeedListener listener) {
        return new VenueBooks(this, instruments, bookDepth(), listener);
    }
}
