package dev.sweep.venue.binance;

import dev.sweep.core.Instrument;
import dev.sweep.venue.RestSnapshots;
import dev.sweep.venue.SymbolFormat;
import dev.sweep.venue.server.MarketView;
import dev.sweep.venue.server.RestAnswer;
import dev.sweep.venue.server.RestRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * Binance's order book over REST (rest-api.md, "Order book"): {@code GET /api/v3/depth?symbol=BTCUSDT&limit=5000},
 * at most {@value #MAX_LIMIT} levels a side whatever the limit asked (100 when none is given), with the
 * {@code lastUpdateId} the diff stream's ids continue from. Symbols in upper case.
 */
final class BinanceSnapshots implements RestSnapshots {

    /** The deepest snapshot Binance serves, and the one Sweep asks for: a book is never deeper than this. */
    static final int MAX_LIMIT = 5000;
    /**
     * A 5,000-level snapshot weighs 250 of the 6,000 an address may use a minute (the documented REQUEST_WEIGHT limit;
     * the live one is in {@code exchangeInfo}): 24 a minute in all. One book every 5 s leaves room for two books
     * refetching at once, and for the user's other clients on the same address.
     */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(5);
    private static final int DEFAULT_LIMIT = 100;

    private final SymbolFormat symbols;
    private final Duration minInterval;

    BinanceSnapshots(SymbolFormat symbols, Duration minInterval) {
        this.symbols = symbols;
        this.minInterval = minInterval;
    }

    @Override
    public String request(Instrument instrument) {
        return "/api/v3/depth?symbol=" + symbols.format(instrument) + "&limit=" + MAX_LIMIT;
    }

    /** {@link #MIN_INTERVAL}, unless a test asked for less. */
    @Override
    public Duration minInterval() {
        return minInterval;
    }

    /** Ten events a second at most (one per 100 ms): 1,000 is well over a minute of a snapshot on its way. */
    @Override
    public int maxBufferedUpdates() {
        return 1000;
    }

    @Override
    public RestAnswer answer(String text, MarketView market, long nowNanos) {
        RestRequest request = RestRequest.parse(text);
        if (!request.path().equals("/api/v3/depth")) {
            return new RestAnswer(404, BinanceProxy.restError(-1000, "Not found: " + request.path()));
        }
        Optional<String> symbol = request.parameter("symbol").filter(name -> !name.isEmpty());
        if (symbol.isEmpty()) {
            return new RestAnswer(400, BinanceProxy.restError(-1102,
                    "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed."));
        }
        Optional<Instrument> instrument = symbol.flatMap(market::instrument);
        if (instrument.isEmpty()) {
            return new RestAnswer(400, BinanceProxy.restError(-1121, "Invalid symbol."));
        }
        String limit = request.parameter("limit").orElse(String.valueOf(DEFAULT_LIMIT));
        if (!limit.matches("[0-9]{1,9}")) {
            return new RestAnswer(400, BinanceProxy.restError(-1100,
                    "Illegal characters found in parameter 'limit'; legal range is '^[0-9]{1,20}$'."));
        }
        // "If limit > 5000, then the response will truncate to 5000."
        int levels = Math.min(MAX_LIMIT, Math.max(1, Integer.parseInt(limit)));
        return RestAnswer.ok(BinanceProxy.depth(market.book(instrument.get()), market.updateId(instrument.get()),
                levels));
    }
}
