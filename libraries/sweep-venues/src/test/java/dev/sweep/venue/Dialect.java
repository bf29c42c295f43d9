package dev.sweep.venue;

import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.venue.coinbase.CoinbaseProxy;
import dev.sweep.venue.coinbase.CoinbaseVenue;
import dev.sweep.venue.gemini.GeminiV2Proxy;
import dev.sweep.venue.gemini.GeminiVenue;
import dev.sweep.venue.kraken.KrakenProxy;
import dev.sweep.venue.kraken.KrakenVenue;
import java.time.Instant;
import java.util.List;

/** A venue with the server side of its protocol, for tests that play the exchange: BTC-USD only. */
public interface Dialect {

    Instant TIME = Instant.parse("2026-11-27T12:00:00Z");

    Venue venue();

    /** Levels per side the client keeps (and the server's frames describe), 0 for the full book. */
    int depth();

    /** The frame that sends the whole (client-visible) book. */
    String snapshot(OrderBook truth);

    /** The frame that sends these changes; {@code truthAfter} is the client-visible book after them. */
    String update(List<Level> changes, OrderBook truthAfter);

    static Dialect kraken(int depth) {
        KrakenProxy proxy = new KrakenProxy();
        return new Dialect() {
            public Venue venue() {
                return new KrakenVenue(depth);
            }

            public int depth() {
                return depth;
            }

            public String snapshot(OrderBook truth) {
                return proxy.bookSnapshot("BTC/USD", truth, depth, 1, 8, TIME);
            }

            public String update(List<Level> changes, OrderBook truthAfter) {
                return proxy.bookUpdate("BTC/USD", changes, truthAfter, 1, 8, TIME);
            }

            public String toString() {
                return "kraken(depth " + depth + ")";
            }
        };
    }

    static Dialect coinbase() {
        return coinbase(0);
    }

    /** Coinbase, numbering the connection's frames from {@code firstSequence}. */
    static Dialect coinbase(long firstSequence) {
        CoinbaseProxy proxy = new CoinbaseProxy();
        return new Dialect() {
            private long sequence;

            public Venue venue() {
                sequence = firstSequence;
                return new CoinbaseVenue();
            }

            public int depth() {
                return 0;
            }

            public String snapshot(OrderBook truth) {
                return proxy.snapshot("BTC-USD", truth, sequence++, TIME);
            }

            public String update(List<Level> changes, OrderBook truthAfter) {
                return proxy.update("BTC-USD", changes, truthAfter.instrument(), sequence++, TIME);
            }

            public String toString() {
                return "coinbase";
            }
        };
    }

    static Dialect gemini() {
        GeminiV2Proxy proxy = new GeminiV2Proxy();
        return new Dialect() {
            public Venue venue() {
                return new GeminiVenue();
            }

            public int depth() {
                return 0;
            }

            public String snapshot(OrderBook truth) {
                return proxy.snapshot("BTCUSD", truth);
            }

            public String update(List<Level> changes, OrderBook truthAfter) {
                return proxy.update("BTCUSD", changes, truthAfter.instrument());
            }

            public String toString() {
                return "gemini";
            }
        };
    }
}
