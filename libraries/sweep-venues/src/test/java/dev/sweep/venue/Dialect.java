package dev.sweep.venue;

import dev.sweep.core.Level;
import dev.sweep.core.OrderBook;
import dev.sweep.venue.coinbase.CoinbaseProxy;
import dev.sweep.venue.coinbase.CoinbaseVenue;
import java.time.Instant;
import java.util.List;

/**
 * A venue with the server side of its protocol, frame by frame, for tests that write a venue's frames themselves
 * (recordings): BTC-USD only. Tests that play a whole exchange use a {@link DialectHarness}.
 */
public interface Dialect {

    Instant TIME = Instant.parse("2026-11-27T12:00:00Z");

    Venue venue();

    /** Levels per side the client keeps (and the server's frames describe), 0 for the full book. */
    int depth();

    /** The frame that sends the whole (client-visible) book. */
    String snapshot(OrderBook truth);

    /** The frame that sends these changes; {@code truthAfter} is the client-visible book after them. */
    String update(List<Level> changes, OrderBook truthAfter);

    /** Coinbase, numbering each connection's frames from 0: {@link #venue()} starts a new connection. */
    static Dialect coinbase() {
        CoinbaseProxy proxy = new CoinbaseProxy();
        return new Dialect() {
            private long sequence;

            public Venue venue() {
                sequence = 0;
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
}
