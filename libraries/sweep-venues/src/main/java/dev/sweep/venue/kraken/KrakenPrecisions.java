package dev.sweep.venue.kraken;

import java.util.Map;

/**
 * Price and quantity precisions of Kraken pairs, needed for the checksum (and served by the simulator). The {@code instrument} channel is the
 * source of truth and overrides these; the table lets a book be checked even when the instrument snapshot arrives
 * after the book snapshot.
 */
public final class KrakenPrecisions {

    /** Unknown precision. */
    public static final int UNKNOWN = -1;

    /** {@code {price_precision, qty_precision}} from the instrument channel, for the pairs Sweep follows by default. */
    private static final Map<String, int[]> KNOWN = Map.of(
            "BTC/USD", new int[] {1, 8},
            "ETH/USD", new int[] {2, 8},
            "SOL/USD", new int[] {2, 8},
            "BTC/USDT", new int[] {1, 8},
            "ETH/USDT", new int[] {2, 8},
            "USDT/USD", new int[] {5, 8});

    private KrakenPrecisions() {
    }

    public static int price(String pair) {
        int[] precisions = KNOWN.get(pair);
        return precisions == null ? UNKNOWN : precisions[0];
    }

    public static int qty(String pair) {
        int[] precisions = KNOWN.get(pair);
        return precisions == null ? UNKNOWN : precisions[1];
    }
}
