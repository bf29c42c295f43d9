package dev.sweep.feed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How feeds connect.
 *
 * @param connectTimeout   TCP connect and WebSocket handshake, each; a REST snapshot request, whole
 * @param maxMessageBytes  the largest text message or REST snapshot accepted (a Coinbase BTC-USD snapshot is several
 *                         MB); a larger message closes the connection, which is then replaced, and a larger snapshot
 *                         is fetched again
 * @param initialBackoff   wait before the first reconnect; doubles per failed attempt, with ±50% jitter
 * @param maxBackoff       the longest wait between attempts
 * @param trustStore       certificates to trust for {@code wss://} instead of the JDK's (a PKCS#12 or JKS file), or
 *                         null; host names are verified either way
 * @param trustStorePassword its password, or null
 */
public record FeedSettings(Duration connectTimeout, int maxMessageBytes, Duration initialBackoff,
                           Duration maxBackoff, Path trustStore, String trustStorePassword) {

    /** 5 s to connect, 16 MiB messages, reconnect after 250 ms doubling up to 30 s, the JDK's trusted roots. */
    public static FeedSettings defaults() {
        return new FeedSettings(Duration.ofSeconds(5), 16 * 1024 * 1024, Duration.ofMillis(250),
                Duration.ofSeconds(30), null, null);
    }

    public FeedSettings withBackoff(Duration initial, Duration max) {
        return new FeedSettings(connectTimeout, maxMessageBytes, initial, max, trustStore, trustStorePassword);
    }

    public FeedSettings withConnectTimeout(Duration timeout) {
        return new FeedSettings(timeout, maxMessageBytes, initialBackoff, maxBackoff, trustStore, trustStorePassword);
    }

    /**
     * How long to wait before retry {@code attempt} (0 for the first retry): the initial backoff doubled per attempt,
     * up to the longest, with ±50% jitter so that clients do not retry in step.
     */
    public long backoffMillis(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(attempt, 16);
        long capped = Math.min(base, maxBackoff.toMillis());
        return Math.max(1, (long) (capped * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }

    public FeedSettings withTrustStore(Path store, String password) {
        return new FeedSettings(connectTimeout, maxMessageBytes, initialBackoff, maxBackoff, store, password);
    }

    @Override
    public String toString() {
        // Never print the password.
        return "FeedSettings[connectTimeout=" + connectTimeout + ", maxMessageBytes=" + maxMessageBytes
                + ", backoff=" + initialBackoff + ".." + maxBackoff + ", trustStore=" + trustStore + "]";
    }
}
