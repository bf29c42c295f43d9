package dev.sweep.venue.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import dev.sweep.venue.coinbase.CoinbaseProxy;
import dev.sweep.venue.gemini.GeminiV2Proxy;
import dev.sweep.venue.kraken.KrakenProxy;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Market-data frames are appended by hand for speed; the strings in them are still escaped. */
class QuotedStringsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instrument BTC_USD = Instrument.of("BTC-USD");

    @Property(tries = 300)
    void anyStringReadsBackAsItself(@ForAll String text) throws Exception {
        assertThat(JSON.readTree(new QuotedStrings().of(text)).textValue()).isEqualTo(text);
    }

    @Property(tries = 100)
    void bookFramesCarryAnySymbolEscaped(@ForAll String symbol) throws Exception {
        OrderBook book = new OrderBook("x", BTC_USD, 1);
        book.set(Side.BID, 6_700_000_000_000L, 100_000_000L);
        List<Level> changes = List.of(new Level(Side.ASK, 6_700_010_000_000L, 100_000_000L));
        Instant time = Instant.parse("2026-11-27T12:00:00Z");

        assertThat(JSON.readTree(new KrakenProxy().bookUpdate(symbol, changes, book, 1, 8, time))
                .at("/data/0/symbol").textValue()).isEqualTo(symbol);
        assertThat(JSON.readTree(new CoinbaseProxy().update(symbol, changes, BTC_USD, 1, time))
                .at("/events/0/product_id").textValue()).isEqualTo(symbol);
        assertThat(JSON.readTree(new GeminiV2Proxy().update(symbol, changes, BTC_USD)).get("symbol").textValue())
                .isEqualTo(symbol);
        assertThat(JSON.readTree(new GeminiV2Proxy().trade(symbol, 1, 2, Side.BID, 3, 4, BTC_USD)).get("symbol")
                .textValue()).isEqualTo(symbol);
    }
}
