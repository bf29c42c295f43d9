package dev.sweep.feed;

import java.time.Duration;

/**
 * How feeds connect.
 *
 * @param connectTimeout   TCP connect and WebSocket handshake, each
 * @param maxMessageBytes  the largest text message accepted (a Coinbase BTC-USD snapshot is several MB); a larger
 *                         one closes the connection, which is then replaced
 * @param initialBackoff   wait before the first reconnect; doubles per failed attempt, with ±50% jitter
 * @param maxBackoff       the longest wait between attempts
 */
public record FeedSettings(Duration connectTimeout, int maxMessageBytes, Duration initialBackoff,
                           Duration maxBackoff) {

    /** 5 s to connect, 16 MiB messages, reconnect after 250 ms doubling up to 30 s. */
    public static FeedSettings defaults() {
        return new FeedSettings(Duration.ofSeconds(5), 16 * 1024 * 1024, Duration.ofMillis(250),
                Duration.ofSeconds(30));
    }

    public FeedSettings withBackoff(Duration initial, Duration max) {
        return new FeedSettings(connectTimeout, maxMessageBytes, initial, max);
    }
}
