package dev.sweep.venue.testrange;

import dev.sweep.core.BookSide;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.venue.RestSnapshots;
import dev.sweep.venue.SymbolFormat;
import dev.sweep.venue.json.JsonWriter;
import dev.sweep.venue.server.MarketView;
import dev.sweep.venue.server.RestAnswer;
import dev.sweep.venue.server.RestRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * The test range venue's REST snapshots: {@code GET /api/v3/depth?symbol=BTCUSD&limit=5000}, at most
 * {@value #MAX_LIMIT} levels a side (100 when no limit is given), as Binance serves them.
 */
final class TestRangeSnapshots implements RestSnapshots {

    private static final int MAX_LIMIT = 5000;
    private static final int DEFAULT_LIMIT = 100;

    private final SymbolFormat symbols;

    TestRangeSnapshots(SymbolFormat symbols) {
        this.symbols = symbols;
    }

    @Override
    public String request(Instrument instrument) {
        return "/api/v3/depth?symbol=" + symbols.format(instrument) + "&limit=" + MAX_LIMIT;
    }

    /**
     * Shorter than Binance would need, so that tests wait less: a 5,000-level snapshot weighs 250 of the few thousand
     * an address may use a minute there, so a real venue of this kind asks for one book every few seconds at most.
     */
    @Override
    public Duration minInterval() {
        return Duration.ofMillis(250);
    }

    @Override
    public int maxBufferedUpdates() {
        return 1000;
    }

    @Override
    public RestAnswer answer(String text, MarketView market, long nowNanos) {
        RestRequest request = RestRequest.parse(text);
        if (!request.path().equals("/api/v3/depth")) {
            return error(404, -1, "Not found: " + request.path());
        }
        Optional<Instrument> instrument = request.parameter("symbol").flatMap(market::instrument);
        if (instrument.isEmpty()) {
            return error(400, -1121, "Invalid symbol.");
        }
        String limit = request.parameter("limit").orElse(String.valueOf(DEFAULT_LIMIT));
        if (!limit.matches("[1-9][0-9]{0,3}") || Integer.parseInt(limit) > MAX_LIMIT) {
            return error(400, -1100, "Illegal characters found in parameter 'limit'.");
        }
        OrderBook book = market.book(instrument.get());
        long lastUpdateId = market.updateId(instrument.get());
        int levels = Integer.parseInt(limit);
        return RestAnswer.ok(JsonWriter.text(json -> {
            json.writeStartObject();
            json.writeNumberField("lastUpdateId", lastUpdateId);
            for (BookSide side : new BookSide[] {book.bids(), book.asks()}) {
                json.writeArrayFieldStart(side == book.bids() ? "bids" : "asks");
                for (int i = 0; i < Math.min(levels, side.depth()); i++) {
                    TestRangeSession.writeLevel(json, side.price(i), side.size(i), book.instrument());
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }));
    }

    private static RestAnswer error(int status, int code, String message) {
        return new RestAnswer(status, JsonWriter.text(json -> {
            json.writeStartObject();
            json.writeNumberField("code", code);
            json.writeStringField("msg", message);
            json.writeEndObject();
        }));
    }
}
